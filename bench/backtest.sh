#!/usr/bin/env bash
# analytics' backtester: one year of 1-minute bars (525,600) for one strategy (aim < 1 s), then a grid of 100
# strategies in parallel, with a fixed BigInteger workload over the same bars as the same run's baseline and the
# machine's load average. Usage:
#   bench/backtest.sh [bars=525600] [grid=100] [rounds=3]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/analytics-backtest-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building analytics and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl analytics,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=compile

echo "load before: $(uptime)"
java -Xmx4g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.analytics.BacktestBenchmark "$@" | tee bench/target/backtest.out
# The figures convention of bench/all.sh (bench/README.md): the single strategy's best run against the fixed BigInteger
# workload over the same bars, in this run.
awk '/^single strategy: best/ { single = $4 + 0 }
     /^baseline \(same run\)/ { base = $11 + 0 }
     END { if (single > 0 && base > 0)
             printf "FIGURE|backtest, one strategy, a year of 1-minute bars|< 1 s|%.3f s|fixed BigInteger workload: %.3f s|%.2f\n", single, base, single / base }' \
  bench/target/backtest.out
echo "load after: $(uptime)"
