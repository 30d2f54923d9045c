/**
 * Reliability findings about the terminology, kept as regression tests once fixed. A finding whose fix
 * is pending is tagged {@code open-finding}, which the normal suite leaves out (RELIABILITY.md at the
 * repository root lists such findings and how to run them).
 */
package org.medvqa.terminology.reliability;
