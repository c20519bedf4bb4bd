#!/usr/bin/env bash
# analytics' backtester: one year of 1-minute bars (525,600) for one strategy (aim < 1 s), then a grid of 100
# strategies in parallel, with a fixed BigInteger workload over the same bars as the same run's baseline and the
# machine's load average. Usage:
#   bench/backtest.sh [bars=525600] [grid=100] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/analytics-backtest-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building analytics and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl analytics,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile

echo "load before: $(uptime)"
java -Xmx4g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.analytics.BacktestBenchmark "$@"
echo "load after: $(uptime)"
