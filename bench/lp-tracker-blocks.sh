#!/usr/bin/env bash
# lp-tracker following a real chain: mints N Uniswap v3 positions on a local Hardhat node, runs the packaged
# lp-tracker against it (a fresh PostgreSQL database, the Kafka broker) and mines blocks one at a time: swaps
# (revaluing the positions whose price moved by the valuation price move since their last valuation), empty blocks and
# liquidity changes. Prints, per block kind, the RPC round trips per block, the batched state reads per block and the
# milliseconds per block processed (p50/p90/p99/max, chain vs database part), and whether they meet the aims (one
# batched state read per block; under 50 ms per block).
# Needs: Node.js + npm (the chain), PostgreSQL (./platform up, or the local one with the tideline role), Kafka on
# 127.0.0.1:9092 or TIDELINE_KAFKA_BOOTSTRAP (else a broker is started inside the benchmark's JVM). Usage:
#   bench/lp-tracker-blocks.sh [positions=1000] [blocks=150] [warm-up blocks=30] [valuation price move]
# The price move (a fraction, 0 = revalue on every swap) is passed as TIDELINE_LP_SYNC_VALUATION_PRICE_MOVE; without
# it lp-tracker's default applies.
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file=target/lp-bench.classpath   # relative to each module, so bench's lands in bench/target

bash deploy/chain/start-chain.sh install >/dev/null
echo "building lp-tracker and the benchmark ..."
./mvnw -B -q -pl lp-tracker,bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

java -Xmx1g -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.lp.LpTrackerBlocksBenchmark "$@" | tee bench/target/lp-tracker-blocks.out
# The figures convention of bench/all.sh (bench/README.md): the whole pass per block at p99, with lp-tracker's own part
# (the rest is waiting for the node); and the batched state reads per block (no baseline of the same run).
awk '/^aim: one batched state read/ { reads = $(NF - 1); sub(/:$/, "", reads) }
     /^aim: under 50 ms per block/ { whole = $14; ours = $23 }
     END { if (whole != "")
             printf "FIGURE|lp-tracker ms per block, p99|< 50 ms|%s ms (lp-tracker itself %s ms)|-|-\n", whole, ours
           if (reads != "")
             printf "FIGURE|lp-tracker state reads per block, at most|<= 1|%s|-|-\n", reads }' \
  bench/target/lp-tracker-blocks.out
