/**
 * The load benchmark of {@code POST /api/v1/ask} (not part of the test suite; see
 * {@code plugin/BENCHMARK.md} for the command and the numbers).
 */
package org.medvqa.plugin.bench;
