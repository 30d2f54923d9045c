/** Benchmarks run by hand ({@code terminology/bench/run-benchmark.sh}), never by {@code mvn verify}. */
package org.medvqa.terminology.bench;
