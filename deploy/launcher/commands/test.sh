# shellcheck shell=bash
# `./platform test [MAVEN ARGS...]`: PostgreSQL, a Kafka broker, the chain's npm packages, the JavaScript references of
# the differential tests (starknet.js for shared-stark, the Uniswap v3 SDK for shared-amm) and Chromium (the
# dashboard's browser test), then ./mvnw -B verify
# (what CI runs, through .ci/run).

test_cleanup() {
  local status=$?
  trap - EXIT INT TERM
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
  exit "$status"
}
