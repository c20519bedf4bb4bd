#!/usr/bin/env bash
# Runs every benchmark of bench/ that follows the figures convention (bench/README.md), one after the other, on one
# Kafka broker of its own, and prints one table: figure, aim, measured, the baseline measured in the same run, and
# their ratio. A script takes part when it holds the line `# all.sh: run` (and `# all.sh: args <args>` for the
# arguments all.sh gives it); it ends by printing lines `FIGURE|name|aim|measured|baseline|ratio`.
# Needs what the benchmarks need (PostgreSQL; Node.js for the chain ones). Usage:
#   bench/all.sh [name filter, a grep -E pattern on the script names, e.g. 'outbox|settlement']
# The broker: TIDELINE_KAFKA_BOOTSTRAP if set, else one started here on TIDELINE_KAFKA_PORT (9092) and
# TIDELINE_KAFKA_CONTROLLER_PORT (9093).
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-.}
out_dir=bench/target/all
mkdir -p "$out_dir"
rm -f "$out_dir"/*.out

scripts=()
for script in bench/*.sh; do
  name=$(basename "$script" .sh)
  [[ "$name" == all ]] && continue
  grep -q '^# all.sh: run$' "$script" || continue
  grep -Eq "$filter" <<<"$name" || continue
  scripts+=("$script")
done
(( ${#scripts[@]} )) || { echo "no benchmark script matches '$filter' (see bench/README.md)" >&2; exit 1; }

broker_pid=""
stop_broker() {
  if [[ -n "$broker_pid" ]] && kill -0 "$broker_pid" 2>/dev/null; then
    kill "$broker_pid" 2>/dev/null || true
    wait "$broker_pid" 2>/dev/null || true
  fi
}
trap stop_broker EXIT
trap 'exit 130' INT TERM

echo "building the benchmarks ..."
classpath_file=target/all-bench.classpath   # relative to each module, so bench's lands in bench/target
./mvnw -B -q ${TIDELINE_BENCH_MAVEN_ARGS:-} -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
export TIDELINE_BENCH_MAVEN_ARGS="${TIDELINE_BENCH_MAVEN_ARGS:-}"
if [[ -z "${TIDELINE_KAFKA_BOOTSTRAP:-}" ]]; then
  port=${TIDELINE_KAFKA_PORT:-9092}
  java -Xmx512m -cp "bench/target/classes:$(cat "bench/$classpath_file")" io.tideline.bench.BenchBroker \
    "$port" "${TIDELINE_KAFKA_CONTROLLER_PORT:-9093}" >"$out_dir/broker.log" 2>&1 &
  broker_pid=$!
  until grep -q '^ready ' "$out_dir/broker.log"; do
    kill -0 "$broker_pid" 2>/dev/null || { cat "$out_dir/broker.log" >&2; exit 1; }
    sleep 1
  done
  export TIDELINE_KAFKA_BOOTSTRAP="127.0.0.1:$port"
fi
echo "broker $TIDELINE_KAFKA_BOOTSTRAP"

for script in "${scripts[@]}"; do
  name=$(basename "$script" .sh)
  read -r -a args <<<"$(sed -n 's/^# all.sh: args //p' "$script" | head -n 1)"
  echo
  echo "== $name ${args[*]:-} (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if ! bash "$script" "${args[@]}" 2>&1 | tee "$out_dir/$name.out"; then
    echo "FIGURE|$name|-|FAILED|-|-" >>"$out_dir/$name.out"
  fi
  grep -q '^FIGURE|' "$out_dir/$name.out" || echo "FIGURE|$name|-|no figures printed|-|-" >>"$out_dir/$name.out"
done

echo
echo "Tideline benchmarks, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf '%-44s %-26s %-22s %-26s %s\n' figure aim measured "baseline (same run)" ratio
for script in "${scripts[@]}"; do
  grep -h '^FIGURE|' "$out_dir/$(basename "$script" .sh).out" | while IFS='|' read -r _ fig aim measured baseline ratio; do
    printf '%-44s %-26s %-22s %-26s %s\n' "$fig" "$aim" "$measured" "$baseline" "$ratio"
  done
done
