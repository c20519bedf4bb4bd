# shellcheck shell=bash
# `./platform e2e`: the whole desk end to end on the running local platform (./platform up), through the gateway with
# a token (e2e module, io.tideline.e2e.scenario.E2eMain): the LP strand (chain → tracker → hedge → alert delivered by
# email and webhook → acknowledged → closed → P&L → report), the prediction-market and settlement strands, and the
# dashboard read in Chromium. Prints each step with its time; exits non-zero on any mismatch.

E2E_PATIENCE="${TIDELINE_E2E_PATIENCE:-60}"

# Checks that what the scenario talks to is up, naming what is not.
require_platform_up() {
  local svc missing=()
  for svc in "${SERVICES[@]}"; do
    curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$(service_port "$svc")/q/health/ready" 2>/dev/null || missing+=("$svc")
  done
  curl -fsS -m 3 -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$CHAIN_RPC" 2>/dev/null || missing+=("chain")
  receivers_answer || missing+=("receivers")
  (( ${#missing[@]} == 0 )) || die "not up or not ready: ${missing[*]}. Start the platform with ./platform up (status: ./platform status)."
  e2e_built || die "the e2e module is not built (e2e/target/e2e.jar): ./mvnw -B -q -pl e2e -am package -DskipTests"
}

run_e2e_scenario() {
  require_java
  require_platform_up
  snapshot_e2e_lib
  step "End to end through the gateway (http://127.0.0.1:$(service_port gateway)/)"
  e2e_java io.tideline.e2e.scenario.E2eMain "$@"
}

# One of the e2e module's programs with what it needs to reach the platform (tokens valid 2 h).
e2e_java() {
  TIDELINE_E2E_GATEWAY="http://127.0.0.1:$(service_port gateway)/" \
  TIDELINE_E2E_RECEIVERS="$RECEIVERS_URL/" \
  TIDELINE_E2E_TOKEN_VIEWER="$(local_token --role viewer --subject e2e-viewer --ttl PT2H)" \
  TIDELINE_E2E_TOKEN_TRADER="$(local_token --role trader --subject e2e-trader --ttl PT2H)" \
  TIDELINE_E2E_TOKEN_ADMIN="$(local_token --role admin --subject e2e-admin --ttl PT2H)" \
  TIDELINE_E2E_CHAIN_RPC="$CHAIN_RPC" \
  TIDELINE_E2E_CHAIN_DEPLOYMENT="$CHAIN_DEPLOYMENT" \
  TIDELINE_E2E_DASHBOARD_DIR="$ROOT/gateway/ui" \
  TIDELINE_E2E_SCREENSHOTS="$ROOT/e2e/target/screenshots" \
  TIDELINE_E2E_PATIENCE="$E2E_PATIENCE" \
  TIDELINE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" TIDELINE_DB_HOST="$PG_HOST" TIDELINE_DB_PORT="$PG_PORT" \
    "$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$E2E_RUN_LIB/*" "$@"
}

cmd_e2e() {
  for a in "$@"; do die "unknown argument '$a' for e2e (see ./platform help)"; done
  ensure_chromium # the scenario tours the dashboard in it (./platform test has made sure already)
  local status=0
  run_e2e_scenario || status=$?
  if (( status == 0 )); then echo "${GREEN}end to end: every step passed${RESET}"; else echo "${RED}end to end: failed (exit $status)${RESET}" >&2; fi
  return "$status"
}
