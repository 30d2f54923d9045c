/**
 * Reliability tests against the real programs: training killed with {@code kill -9} and resumed,
 * broken model directories, a PACS that fails mid-study, full disks, load and hostile input, and PHI
 * in logs. What each one tried and what held is tabled in RELIABILITY.md at the repository root.
 */
package org.medvqa.e2e.reliability;
