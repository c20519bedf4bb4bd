#!/usr/bin/env bash
# analytics' risk metrics over five years of hourly snapshots (43,800 points) for 500 strategies, in one JVM: every
# metric hourly and daily, timed, then a correlation matrix. Aim: < 1 s for the 500 strategies' hourly metrics.
# Reading snapshots from PostgreSQL is not in the figure. Usage:
#   bench/analytics-risk.sh [strategies=500] [correlated=100] [rounds=3]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/analytics-risk-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building analytics and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl analytics,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile

java -Xmx6g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.analytics.RiskMetricsBenchmark "$@" | tee bench/target/analytics-risk.out
# The figures convention of bench/all.sh (bench/README.md): the best round, the faster of one thread and all cores
# (no baseline of the same run).
awk '/^round [0-9]+: hourly metrics of/ { t = ($12 < $17) ? $12 : $17; if (best == "" || t < best) best = t; n = $6 }
     END { if (best != "")
             printf "FIGURE|risk metrics, hourly, %s strategies x 5 years|< 1 s|%s s|-|-\n", n, best }' \
  bench/target/analytics-risk.out
