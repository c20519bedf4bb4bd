#!/usr/bin/env bash
# settlement: one run over many open buy fills on the paper venue. Starts the packaged settlement service on a fresh
# PostgreSQL database (and the Kafka broker on 127.0.0.1:9092 or TIDELINE_KAFKA_BOOTSTRAP, else one inside the
# benchmark's JVM), seeds N buy fills over P pairs (10 per session, spread over the four age tiers), runs settlement once
# through POST /api/v1/settlement/run and prints the run's time, the part inside venue calls and the orders placed; a
# second run over the covered fills shows the steady state; then the same at 10 x N. Aim: N = 10,000 over 100 pairs in
# under 1 s. Run it with nothing else heavy on the machine: the figures print the load average.
# The service's outbox relay runs, as in production (TIDELINE_BENCH_RELAY=0 turns it off); the figures say when the
# run's last event was published, and the CPU time the run cost PostgreSQL and the service (steadier than wall time on
# a shared machine), the service's CPU by thread (JIT compiler, event loops, pair workers, relay, Kafka producer) and
# the relay's passes. Before the measured run: TIDELINE_BENCH_WARMUPS warm-up runs (3), then until the JIT is idle.
# TIDELINE_BENCH_SETTLEMENT_JAR=<quarkus-run.jar of another build> measures that build instead (before/after).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role). Usage:
#   bench/settlement-run.sh [fills=10000] [pairs=100] [pair workers=4] [scales=1,10]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/settlement-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building settlement and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl settlement,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.settlement.SettlementRunBenchmark "$@" \
  | tee bench/target/settlement-run.out
# The figures convention of bench/all.sh (bench/README.md): the first run at N fills, against 1/10 of the run at 10 x N
# in the same invocation (a ratio of 1 means linear growth).
awk '$1 ~ /^[0-9]+$/ && NF == 12 { fills[++n] = $1; ms[n] = $4 }
     END { if (n >= 2)
             printf "FIGURE|settlement run, %d fills|< 1000 ms|%d ms|%d fills: %d ms / 10|%.2f\n", fills[1], ms[1], fills[2], ms[2], ms[1] / (ms[2] / 10) }' \
  bench/target/settlement-run.out
