#!/usr/bin/env bash
# alerting under price events with 1,000 active rules: runs the packaged service (a fresh PostgreSQL database, the
# Kafka broker), creates 1,000 PRICE_CROSSES rules (100 instruments x 10 levels) through its API, then
#  1. capacity: with the service stopped, puts a backlog of N PriceObserved events on market.prices, starts it and
#     times its evaluation consumer from the first committed offset to the last (events evaluated per second), for
#     three loads side by side: the baseline (instruments no rule watches: consuming, decoding, recording), quiet
#     (10 rules per instrument, no level crossed: evaluation) and firing (1 event in 50 crosses 10 levels: 10 alerts
#     raised, and the next event resolves them);
#  2. latency: offers events at each given rate (open loop) for S seconds and times every raising event (1 in 50:
#     it crosses its instrument's 10 levels) from its send to its AlertRaised read back from the alerts topic.
# Prints the figures and whether the aim is met (10,000 events/s, p99 < 100 ms).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role), Kafka on 127.0.0.1:9092 or
# TIDELINE_KAFKA_BOOTSTRAP (else a broker is started inside the benchmark's JVM). Run it with the platform's services
# down (they share the machine's two cores). Usage:
#   bench/alerting-rules.sh [backlog events=100000] [rates=10000,2000] [seconds=20]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/alerting-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building alerting and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl alerting,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.alerting.AlertingRulesBenchmark "$@" | tee bench/target/alerting-rules.out
# The figures convention of bench/all.sh (bench/README.md): evaluation with 1,000 rules (1 event in 50 firing) against
# the same consumer with no rule watching, both in this run; and each latency rate's p99 (no baseline of its own).
awk '/events evaluated in/ { n++; rate[n] = $(NF - 1) }
     /^latency at / { p99 = $0; sub(/.* p99 /, "", p99); sub(/ .*/, "", p99)
       lat = lat sprintf("FIGURE|alerting event -> AlertRaised at %s events/s|p99 < 100 ms|p99 %s ms|-|-\n", $3, p99) }
     END { if (n >= 3)
             printf "FIGURE|alerting capacity, 1,000 rules, 1 event in 50 firing|>= 10,000 events/s|%s events/s|no rule watching: %s events/s|%.2f\n", rate[3], rate[1], rate[3] / rate[1]
           printf "%s", lat }' bench/target/alerting-rules.out
