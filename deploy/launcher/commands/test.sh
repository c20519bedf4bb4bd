# shellcheck shell=bash
# `./platform test [MAVEN ARGS...]`: PostgreSQL, a Kafka broker, the chain's npm packages, the JavaScript references of
# the differential tests (starknet.js for shared-stark, the Uniswap v3 SDK for shared-amm) and Chromium (the
# dashboard's browser test), then ./mvnw -B verify (what CI runs, through .ci/run). When that is the whole build (no
# Maven arguments) and it passed, the end-to-end scenario runs on the platform started from what it built (./platform
# e2e); the parts started for it are stopped again. TIDELINE_SKIP_E2E=1 leaves it out.

PLATFORM_STARTED_HERE=0

test_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if (( PLATFORM_STARTED_HERE )); then
    step "Stopping the platform started for the end-to-end scenario"
    local i
    for (( i = ${#SERVICES[@]} - 1; i >= 0; i-- )); do stop_component "${SERVICES[i]}" || true; done
    stop_component receivers || true
    stop_component chain || true
  fi
  if (( KAFKA_STARTED_HERE )); then
    step "Stopping the Kafka broker started for the tests"
    stop_component kafka || true
  fi
  exit "$status"
}

cmd_test() {
  require_test_db_password
  require_java
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  ensure_postgres
  trap test_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  ensure_kafka
  ensure_chain_packages
  ensure_reference_packages shared-stark/src/test/starknet-js Stark starknet @scure/starknet
  ensure_reference_packages shared-amm/src/test/uniswap-sdk "Uniswap SDK" @uniswap/v3-sdk jsbi
  ensure_chromium
  export TIDELINE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP" TIDELINE_PG_HOST="$PG_HOST" TIDELINE_PG_PORT="$PG_PORT"
  if ! pg_is_local; then
    # The tests' databases (shared-testing's TestDatabase) on that server too, as the test role with its given password.
    local jdbc_host="$PG_HOST"
    [[ "$jdbc_host" == *:* ]] && jdbc_host="[$jdbc_host]"
    export TIDELINE_TEST_PG_URL="${TIDELINE_TEST_PG_URL:-jdbc:postgresql://$jdbc_host:$PG_PORT/$PG_ADMIN_DB}"
    export TIDELINE_TEST_PG_USER="${TIDELINE_TEST_PG_USER:-$TEST_ROLE}"
  fi
  step "Running the tests: ./mvnw -B verify $* (TIDELINE_KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP)"
  local status=0
  (cd "$ROOT" && ./mvnw -B verify "$@") || status=$?
  if (( status == 0 )); then echo "${GREEN}tests passed${RESET}"; else echo "${RED}tests failed (maven exit $status)${RESET}" >&2; fi
  if (( status == 0 && $# == 0 )) && [[ "${TIDELINE_SKIP_E2E:-0}" == 0 ]]; then
    test_end_to_end || status=$?
  fi
  exit "$status"
}

# The platform from the jars the tests just built, then the scenario; what was already running is used as it is.
test_end_to_end() {
  if ! running_pid gateway >/dev/null; then PLATFORM_STARTED_HERE=1; fi
  step "Starting the platform for the end-to-end scenario (./platform up --no-build)"
  cmd_up --no-build
  local status=0
  run_e2e_scenario || status=$?
  if (( status == 0 )); then echo "${GREEN}end to end passed${RESET}"; else echo "${RED}end to end failed (exit $status)${RESET}" >&2; fi
  return "$status"
}
