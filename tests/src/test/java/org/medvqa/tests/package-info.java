/**
 * End-to-end tests: the real {@code medvqa serve} in its own JVM, a real Orthanc PACS on loopback,
 * headless Chromium driving the web page, the demo run to completion.
 */
package org.medvqa.tests;
