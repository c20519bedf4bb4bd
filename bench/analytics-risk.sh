#!/usr/bin/env bash
# analytics' risk metrics over five years of hourly snapshots (43,800 points) for 500 strategies, in one JVM: every
# metric hourly and daily, timed, then a correlation matrix. Aim: < 1 s for the 500 strategies' hourly metrics.
# Reading snapshots from PostgreSQL is not in the figure. Usage:
#   bench/analytics-risk.sh [strategies=500] [correlated=100] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/analytics-risk-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building analytics and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl analytics,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile

java -Xmx6g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.analytics.RiskMetricsBenchmark "$@"
