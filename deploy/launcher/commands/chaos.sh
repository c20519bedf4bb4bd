# shellcheck shell=bash
# `./platform chaos`: the end-to-end scenario again and again on the running platform while a killer takes down each
# part in turn — kill -9 of every service and of the Kafka broker, each started again after a pause, and PostgreSQL
# stopped (immediate, as a crash) for 10 s — then, once everything is back and has caught up, the count (e2e module,
# io.tideline.e2e.chaos.ChaosAccount): events published against applied per consumer, orders at the venues against
# those intended, alert deliveries per idempotency key at the receivers, acknowledged webhooks against processed.
# Any loss or duplicate fails it. TIDELINE_CHAOS_PAUSE (s between kills, 15) and TIDELINE_CHAOS_DOWN (s a part stays
# down, 5) tune the pace.

CHAOS_TARGETS=(lp-tracker perp-hedger pnl-ingest settlement analytics alerting gateway kafka postgres)
CHAOS_PAUSE="${TIDELINE_CHAOS_PAUSE:-15}"
CHAOS_DOWN="${TIDELINE_CHAOS_DOWN:-5}"

chaos_say() { echo "${YELLOW}chaos $(date -u +%T)${RESET} $*"; }

postgres_cluster() { pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }'; }

# Takes one part down hard and brings it back; waits until it answers again.
chaos_hit() {
  local target="$1" pid version cluster
  case "$target" in
    kafka)
      pid="$(running_pid kafka)" || { chaos_say "kafka is not ours to kill: skipped"; return 0; }
      chaos_say "kill -9 kafka (pid $pid)"
      kill -KILL "$pid"
      sleep "$CHAOS_DOWN"
      ensure_kafka >/dev/null
      chaos_say "kafka back"
      ;;
    postgres)
      read -r version cluster < <(postgres_cluster) || true
      if [[ -z "${version:-}" ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        chaos_say "PostgreSQL is not a local Debian cluster: not stopped"
        return 0
      fi
      chaos_say "PostgreSQL $version/$cluster stopped (immediate) for 10 s"
      pg_ctlcluster "$version" "$cluster" stop -m immediate
      sleep 10
      pg_ctlcluster "$version" "$cluster" start
      chaos_say "PostgreSQL back"
      ;;
    *)
      pid="$(running_pid "$target")" || { chaos_say "$target is not running: started"; }
      if [[ -n "${pid:-}" ]]; then
        chaos_say "kill -9 $target (pid $pid)"
        kill -KILL "$pid"
      fi
      sleep "$CHAOS_DOWN"
      STARTED=()
      FAILED=()
      start_service "$target" >/dev/null
      await_services >/dev/null
      if (( ${#FAILED[@]} )); then chaos_say "$target did not come back: ${FAILED[*]}"; else chaos_say "$target back"; fi
      ;;
  esac
}

# One pass over every part, a pause before each.
chaos_killer() {
  local target
  for target in "${CHAOS_TARGETS[@]}"; do
    sleep "$CHAOS_PAUSE"
    chaos_hit "$target"
  done
  chaos_say "every part was taken down once"
}

cmd_chaos() {
  for a in "$@"; do die "unknown argument '$a' for chaos (see ./platform help)"; done
  require_java
  require_platform_up
  ensure_chromium
  snapshot_e2e_lib
  local since ledger killer rounds=0 failed_rounds=0 status
  since="$(date -u +%FT%T.%3NZ)"
  ledger="$RUN_DIR/chaos-ledger-$(date -u +%Y%m%d%H%M%S).txt"
  : >"$ledger"
  step "Chaos from $since: the scenario again and again while each part is killed in turn (${CHAOS_TARGETS[*]})"
  chaos_killer &
  killer=$!
  while :; do
    rounds=$((rounds + 1))
    step "Round $rounds"
    status=0
    TIDELINE_E2E_LEDGER="$ledger" E2E_PATIENCE="${TIDELINE_E2E_PATIENCE:-240}" \
      e2e_java io.tideline.e2e.scenario.E2eMain || status=$?
    (( status == 0 )) || failed_rounds=$((failed_rounds + 1))
    alive "$killer" || break
  done
  wait "$killer" || true
  step "Everything back up"
  local svc
  STARTED=()
  FAILED=()
  ensure_kafka >/dev/null
  for svc in "${SERVICES[@]}"; do start_service "$svc" >/dev/null; done
  (( ${#STARTED[@]} )) && await_services
  step "Counting (waits for what is only late)"
  status=0
  TIDELINE_CHAOS_SINCE="$since" TIDELINE_E2E_LEDGER="$ledger" e2e_java io.tideline.e2e.chaos.ChaosAccount || status=$?
  echo "rounds: $rounds, of which $failed_rounds had a step that did not pass in time (see above); ledger $ledger"
  if (( status == 0 )); then echo "${GREEN}chaos: nothing lost, nothing twice${RESET}"; else echo "${RED}chaos: loss or duplicate (exit $status)${RESET}" >&2; fi
  return "$status"
}
