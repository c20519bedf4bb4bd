#!/usr/bin/env bash
# Times one Uniswap v3 position valuation with shared-amm (JMH, bench/.../amm/PositionValuationBenchmark) and says
# whether it meets the aim of 4 µs per valuation on this machine. No infrastructure needed. Usage:
#   bench/amm-valuation.sh [extra JMH options, e.g. -prof gc]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
aim_ns=4000
classpath_file=target/jmh.classpath   # relative to each module, so bench's lands in bench/target
results=bench/target/amm-valuation.csv

echo "building bench and what it needs ..."
# One invocation, so that the classpath names this build's shared-amm jar rather than whatever is in ~/.m2.
./mvnw -B -q -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$classpath_file"

java -cp "bench/target/classes:$(cat "bench/$classpath_file")" org.openjdk.jmh.Main PositionValuation \
  -f 1 -wi 3 -i 5 -rf csv -rff "$results" "$@"

echo
echo "Tideline shared-amm, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
awk -F, -v aim="$aim_ns" '
  NR > 1 && $7 ~ /ns\/op/ {
    gsub(/"/, "", $1); name = $1; sub(/.*\./, "", name)
    printf "  %-24s %10.1f ns/op  (+- %.1f)\n", name, $5, $6
    if (name == "valuation") valuation = $5
  }
  END {
    if (valuation == "") { print "no valuation figure found"; exit 1 }
    verdict = (valuation < aim) ? "meets" : "MISSES"
    printf "one full valuation: %.0f ns -> %s the %d ns (4 us) aim\n", valuation, verdict, aim
    # the figures convention of bench/all.sh (bench/README.md); no baseline of the same run
    printf "FIGURE|amm one position valuation|< 4,000 ns|%.0f ns|-|-\n", valuation
  }' "$results"
