#!/usr/bin/env bash
# Semantic alignment vs plain Lucene BM25 over the labelled pairs: agreement and pairs/s at 1 and 2 threads.
#   terminology/bench/run-benchmark.sh [seconds-per-measurement, default 10]
# The default index is built on first use into the usual cache (see DefaultIndex); set
# MEDVQA_TERMINOLOGY_CACHE to put it elsewhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -o -pl terminology test-compile
cp=$(mktemp)
./mvnw -q -B -o -pl terminology dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  if [ -z "${JAVA_HOME:-}" ] && [ -x "$jdk/bin/java" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin=$jdk/bin/java; break
  fi
done
exec "$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED \
  -cp "terminology/target/test-classes:terminology/target/classes:$(cat "$cp")" \
  org.medvqa.terminology.bench.SemanticAlignmentBenchmark "$@"
