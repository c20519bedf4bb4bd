# shellcheck shell=bash
# `./platform down [--purge]`: stops exactly what `up` started (PostgreSQL and Redis are left running).

cmd_down() {
  local purge=0 a svc i
  for a in "$@"; do
    case "$a" in
      --purge) purge=1 ;;
      *) die "unknown argument '$a' for down (see ./platform help)" ;;
    esac
  done
  step "Stopping what ./platform started (PostgreSQL is left running)"
  # Services first (SIGTERM to all, so they drain in parallel), then the broker they talk to.
  for (( i = ${#SERVICES[@]} - 1; i >= 0; i-- )); do
    svc="${SERVICES[i]}"
    if running_pid "$svc" >/dev/null; then stop_component "$svc" & fi
  done
  wait
  for svc in "${SERVICES[@]}"; do clear_stale_pid "$svc"; done
  stop_component receivers
  stop_component chain
  stop_component kafka
  if (( purge )); then
    rm -rf "$KAFKA_DIR"
    info "deleted the Kafka data, configuration and jar snapshot ($KAFKA_DIR)"
    rm -rf "$CHAIN_DIR/.state"
    info "deleted the chain's deployment record and Hardhat cache ($CHAIN_DIR/.state)"
  fi
  info "done"
}
