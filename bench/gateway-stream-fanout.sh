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
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/stream-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building the gateway and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl gateway,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.gateway.StreamFanoutBenchmark "$@"
