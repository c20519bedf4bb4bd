#!/usr/bin/env bash
# The gateway's live stream fanned out to many SSE clients: runs the packaged gateway (a fresh PostgreSQL database for
# its API keys, the Kafka broker), publishes AlertRaised events to the alerts topic at a fixed rate and reads them
# through GET /api/v1/stream?topic=alerts with N concurrent SSE clients (the JDK HTTP client, one connection each,
# every client its own caller). Prints, for 1 client (the baseline) and then for N, the events delivered per second
# to all clients together, the share delivered, the latency from the Kafka send to a client's receipt (p50/p90/p99/
# max) and the streams the gateway ended (dropped clients).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role), Kafka on 127.0.0.1:9092 or
# TIDELINE_KAFKA_BOOTSTRAP (else a broker is started inside the benchmark's JVM). The clients run in the benchmark's
# JVM on the same machine: run it with the platform's services down. Usage:
#   bench/gateway-stream-fanout.sh [clients=1000] [events per second=100] [seconds=20] [warm-up seconds=5]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/stream-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building the gateway and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl gateway,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.gateway.StreamFanoutBenchmark "$@" | tee bench/target/gateway-stream-fanout.out
# The figures convention of bench/all.sh (bench/README.md): N clients against the 1-client baseline of this run, by
# the share of events delivered to every client and the p99 from the Kafka send to a client's receipt.
awk '/clients \(opened in/ { share = $0; sub(/.*delivered [0-9]+ of [0-9]+ \(/, "", share); sub(/ %.*/, "", share)
       p99 = $0; sub(/.* p99 /, "", p99); sub(/ .*/, "", p99)
       if ($1 == "baseline") { bshare = share; bp99 = p99 } else { clients = $2; fshare = share; fp99 = p99 } }
     END { if (clients > 0 && bp99 > 0)
             printf "FIGURE|live stream fan-out to %s SSE clients|every event to every client|%s %% delivered, p99 %s ms|1 client: %s %%, p99 %s ms|%.1f\n", clients, fshare, fp99, bshare, bp99, fp99 / bp99 }' \
  bench/target/gateway-stream-fanout.out
