# shellcheck shell=bash
# The local receivers of alert deliveries (e2e module, io.tideline.e2e.receivers.LocalReceivers): an SMTP server for
# alerting's email:desk and a receiver of its signed webhook:ops that verifies each signature and counts deliveries by
# idempotency key. Started by `up` (before the services), stopped by `down`; what arrived:
# http://127.0.0.1:$RECEIVERS_PORT/mail and /webhooks/alerts. Like the chain, nothing here makes `up` fail.

RECEIVERS_PORT="${TIDELINE_RECEIVERS_PORT:-8089}"
RECEIVERS_SMTP_PORT="${TIDELINE_RECEIVERS_SMTP_PORT:-2525}"
RECEIVERS_URL="http://127.0.0.1:$RECEIVERS_PORT"
E2E_TARGET="$ROOT/e2e/target"
# Run from a copy taken at start, as the broker is: a rebuild must not rewrite jars under a running JVM.
E2E_RUN_LIB="$RUN_DIR/e2e-lib"

e2e_built() { [[ -f "$E2E_TARGET/e2e.jar" && -d "$E2E_TARGET/lib" ]]; }

snapshot_e2e_lib() {
  rm -rf "$E2E_RUN_LIB"
  mkdir -p "$E2E_RUN_LIB"
  cp "$E2E_TARGET/lib/"*.jar "$E2E_TARGET/e2e.jar" "$E2E_RUN_LIB/"
}

receivers_answer() { curl -fsS -m 2 -o /dev/null "$RECEIVERS_URL/health" 2>/dev/null; }

ensure_receivers() {
  step "Local receivers of alert deliveries (SMTP 127.0.0.1:$RECEIVERS_SMTP_PORT, webhooks $RECEIVERS_URL)"
  local pid
  if pid="$(running_pid receivers)"; then
    info "already running (pid $pid)"
    return 0
  fi
  clear_stale_pid receivers
  if ! e2e_built; then
    warn "the e2e module is not built (e2e/target): alert email and webhooks will not be delivered. Build with ./platform up."
    return 0
  fi
  if port_listening "$RECEIVERS_PORT" || port_listening "$RECEIVERS_SMTP_PORT"; then
    warn "port $RECEIVERS_PORT or $RECEIVERS_SMTP_PORT is taken: the receivers are not started (set TIDELINE_RECEIVERS_PORT / TIDELINE_RECEIVERS_SMTP_PORT)"
    return 0
  fi
  snapshot_e2e_lib
  TIDELINE_RECEIVERS_PORT="$RECEIVERS_PORT" TIDELINE_RECEIVERS_SMTP_PORT="$RECEIVERS_SMTP_PORT" \
    launch receivers "$JAVA" -Xmx128m -cp "$E2E_RUN_LIB/*" io.tideline.e2e.receivers.LocalReceivers
  local i
  for i in $(seq 1 100); do receivers_answer && break; sleep 0.2; done
  if receivers_answer; then
    info "ready (pid $(cat "$(pid_file receivers)"), log $LOG_DIR/receivers.log)"
  else
    warn "the receivers did not answer on $RECEIVERS_URL/health (log $LOG_DIR/receivers.log)"
  fi
}
