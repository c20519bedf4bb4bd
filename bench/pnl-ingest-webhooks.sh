#!/usr/bin/env bash
# pnl-ingest under sustained signed-webhook load: runs the packaged service (a fresh PostgreSQL database, the Kafka
# broker), sends Alchemy Address Activity deliveries of Polymarket round trips (a buy, then its sale; two activities
# each) at a fixed rate over HTTP, and reads pnl.executions back. Prints the HTTP acknowledgement latency and the
# latency from each sale's request to its PnlRealized on Kafka (p50/p90/p99/max), and whether the aim is met
# (2,000 activities/s, p99 under 50 ms).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role), Kafka on 127.0.0.1:9092 or
# TIDELINE_KAFKA_BOOTSTRAP (else a broker is started inside the benchmark's JVM). Run it with the platform's services
# down (they share the machine's two cores). Usage:
#   bench/pnl-ingest-webhooks.sh [activities per second=2000] [seconds=30] [warm-up seconds=60] [wallets=200]
# (the measured window starts once the warm-up's backlog is processed: a cold service spends its first ~50 s compiling)
# another build of the service beside this one: BENCH_PNL_JAR=<its quarkus-run.jar>; settings of the run:
# BENCH_PNL_ENV=NAME=value,NAME=value (e.g. TIDELINE_PNL_PROCESSING_WORKERS=4)
# all.sh: run
# all.sh: args 2000 30 60 200
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/pnl-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building pnl-ingest and the benchmark ..."
./mvnw -B -q -pl pnl-ingest,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.pnl.PnlIngestWebhooksBenchmark "$@" | tee bench/target/pnl-ingest-webhooks.out
# The figures convention of bench/all.sh (bench/README.md): what was acknowledged and realized against what was offered
# in this run (the aim: all of 2,000 activities/s, sale -> PnlRealized p99 < 50 ms).
awk '/^deliveries acknowledged:/ { acked = substr($4, 2); offered = $8 }
     /^request -> PnlRealized/ { p99 = $12; seen = substr($15, 2); sales = $17 }
     END { if (offered > 0)
             printf "FIGURE|webhook ingest -> PnlRealized at %s activities/s|all offered, p99 < 50 ms|%s activities/s acked, %s of %s sales realized, p99 %s ms|offered %s activities/s|%.2f\n", offered, acked, seen, sales, p99, offered, acked / offered }' \
  bench/target/pnl-ingest-webhooks.out
