#!/usr/bin/env bash
# analytics' read model rebuilt from its topics: puts N events (a desk's mix over 1,000 LP strategies: marks, pool
# prices, hedge fills, prediction-market executions and realizations) on the five topics, starts the packaged service
# with its live consumer off and times POST /api/v1/replay (read from offset 0 and applied). Prints events/s and
# whether the aim (20,000 events/s) is met.
# Needs: PostgreSQL (./platform up, or the local one with the tideline role). Kafka: TIDELINE_KAFKA_BOOTSTRAP, else a
# broker started inside the benchmark's JVM. Run it with the platform's services down (two cores). Usage:
#   bench/analytics-replay.sh [events=1000000]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/analytics-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building analytics and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl analytics,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx2g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.analytics.AnalyticsReplayBenchmark "$@" | tee bench/target/analytics-replay.out
# The figures convention of bench/all.sh (bench/README.md): the replay's rate against the rate its events were produced
# to Kafka at, in this run.
awk '/^produced [0-9]+ events in/ { produced = $2 / $5 }
     /^replay: [0-9]+ records/ { rate = $0; sub(/.*\): /, "", rate); sub(/ events.*/, "", rate) }
     END { if (rate > 0 && produced > 0)
             printf "FIGURE|analytics replay of the read model|>= 20,000 events/s|%s events/s|produced to Kafka: %.0f events/s|%.2f\n", rate, produced, rate / produced }' \
  bench/target/analytics-replay.out
