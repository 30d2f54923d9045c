/**
 * Reliability findings about the terminology that its owner has not fixed yet, as tests tagged
 * {@code open-finding} (left out of the normal suite; RELIABILITY.md at the repository root lists them and
 * how to run them). A fixed finding loses its tag and stays as a regression test.
 */
package org.medvqa.terminology.reliability;
