#!/usr/bin/env bash
# Outbox path vs raw Kafka on this machine's broker and PostgreSQL; prints both rates and their ratio: right after the
# JVM started (the JIT compiling both paths; the figure of ADR 0013/0014), then in N more passes with the code compiled,
# and the median of those. Needs the local infrastructure: ./platform up (or at least its PostgreSQL and Kafka). Usage:
#   bench/outbox-vs-raw.sh [events=50000] [keys=100] [compiled passes=3]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-50000}
keys=${2:-100}
compiled_passes=${3:-3}
db="tideline_bench_$(date +%s)"
pg_user=${TIDELINE_BENCH_DB_USER:-tideline}
export PGPASSWORD=${TIDELINE_BENCH_DB_PASSWORD:-tideline}

jar=bench/target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ]; then
  echo "building the benchmark ..."
  ./mvnw -B -q -pl bench -am package -DskipTests
fi
psql -h 127.0.0.1 -U "$pg_user" -d postgres -qc "create database $db" >/dev/null
bench_pid=""
cleanup() {
  # Stop the JVM before dropping its database: an orphaned run would stay in the benchmark's consumer group,
  # hold partitions and stall the next run.
  if [[ -n "$bench_pid" ]] && kill -0 "$bench_pid" 2>/dev/null; then
    kill "$bench_pid" 2>/dev/null || true
    wait "$bench_pid" 2>/dev/null || true
  fi
  psql -h 127.0.0.1 -U "$pg_user" -d postgres -qc "drop database if exists $db with (force)" >/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM
TIDELINE_BENCH_DB=$db KAFKA_BOOTSTRAP_SERVERS=${TIDELINE_KAFKA_BOOTSTRAP:-127.0.0.1:9092} \
  java -Xmx1g -jar "$jar" "$events" "$keys" "$compiled_passes" >"bench/target/outbox-vs-raw.out" &
bench_pid=$!
wait "$bench_pid"
cat bench/target/outbox-vs-raw.out
# The figures convention of bench/all.sh (bench/README.md): the relay's rate against raw Kafka's in this run, first
# pass (right after start) and the median of the passes with the code compiled.
awk '/^raw Kafka producer/ { gsub(",", "", $6); raw = $6 }
     /^outbox relay ->/ { gsub(",", "", $6); relay = $6 }
     /^compiled median of/ { craw = $8; crelay = $15 }
     END { if (raw > 0 && relay > 0)
             printf "FIGURE|outbox relay -> idempotent consumer|>= 35 %% of raw, >= 10000/s|%d events/s|raw Kafka %d records/s|%.1f %%\n", relay, raw, 100 * relay / raw
           if (craw > 0 && crelay > 0)
             printf "FIGURE|outbox relay -> idempotent consumer, code compiled (median)|>= 35 %% of raw, >= 10000/s|%d events/s|raw Kafka %d records/s|%.1f %%\n", crelay, craw, 100 * crelay / craw }' \
  bench/target/outbox-vs-raw.out
