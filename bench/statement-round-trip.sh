#!/usr/bin/env bash
# What one awaited statement costs a worker thread on this machine: `select $1` one after another, blocking on the
# Vert.x PostgreSQL client (every unit of work, ADR 0001) beside pgjdbc, idle and with busy threads beside it (ADR 0029).
# Needs: PostgreSQL (./platform up, or the local one with the tideline role). Usage:
#   bench/statement-round-trip.sh [statements per measurement=5000] [busy threads, comma-separated=0,3]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/roundtrip-bench.classpath   # relative to each module, so bench's lands in bench/target

echo "building the benchmark ..."
./mvnw -B -q -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx512m -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.StatementRoundTripBenchmark "$@"
