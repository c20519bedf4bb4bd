#!/usr/bin/env bash
# The latency the gateway adds: runs the packaged gateway (a fresh PostgreSQL database for its API keys, the Kafka
# broker) in front of one small real HTTP upstream on loopback (a Vert.x server answering a fixed JSON body, so the
# figures are the gateway's, not a service's database), and sends a constant open-loop load of GETs with a viewer's
# bearer token, in alternating phases straight at the upstream and through the gateway. Latency counts from each
# request's scheduled start (no coordinated omission). Prints p50/p99/p99.9/max of both, the differences, and whether
# the aim is met (2,000 req/s, p99 added < 5 ms).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role), Kafka on 127.0.0.1:9092 or
# TIDELINE_KAFKA_BOOTSTRAP (else a broker is started inside the benchmark's JVM). Run it with the platform's services
# down (they share the machine's cores). Extra gateway settings: BENCH_GATEWAY_ENV='NAME=value,NAME=value'; another
# build of the gateway (main's, copied aside, for a side-by-side run): BENCH_GATEWAY_JAR=path/quarkus-run.jar. The floor
# (what the gateway's HTTP server alone adds: a page it serves itself instead of the proxied call): BENCH_GATEWAY_PATH=/.
# Usage:
#   bench/gateway-latency.sh [requests per second=2000] [seconds per phase=15] [phases per target=2] [warm-up s=15]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/gateway-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building the gateway and the benchmark ..."
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl gateway,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -Dgateway.env="${BENCH_GATEWAY_ENV:-}" -Dgateway.path="${BENCH_GATEWAY_PATH:-/api/v1/leaderboard?limit=10}" \
  -Dgateway.jar="${BENCH_GATEWAY_JAR:-gateway/target/quarkus-app/quarkus-run.jar}" \
  -cp "bench/target/classes:$(cat "bench/$classpath_file")" \
  io.tideline.bench.gateway.GatewayLatencyBenchmark "$@" | tee bench/target/gateway-latency.out
# The figures convention of bench/all.sh (bench/README.md): p99 through the gateway against straight at the upstream,
# the two measured in alternating phases of this run.
awk '/^gateway latency:/ { rate = $3 }
     /^direct / { direct = $5 }
     /^gateway / && NF >= 7 { gateway = $5 }
     /^added / { added = $3 }
     END { if (direct > 0 && gateway > 0)
             printf "FIGURE|gateway p99 at %s req/s|< 5 ms added|%.3f ms (%.3f added)|direct %.3f ms|%.1f\n", rate, gateway, added, direct, gateway / direct }' \
  bench/target/gateway-latency.out
