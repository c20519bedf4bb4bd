# shellcheck shell=bash
# Starting the services (each in the background with the local profile) and waiting until they are ready.

READY_TIMEOUT="${TIDELINE_READY_TIMEOUT:-90}"

STARTED=()
FAILED=()
SKIPPED=()

# Fails before anything starts if a service that is to be started would find its HTTP port taken.
check_service_ports() {
  local svc port
  for svc in "$@"; do
    port="$(service_port "$svc")"
    running_pid "$svc" >/dev/null && continue
    [[ -f "$(service_jar "$svc")" ]] || continue
    if port_listening "$port"; then
      port_taken_error "$port" "$svc" "$(port_var "$svc")=<free port> ./platform up"
    fi
  done
}

start_service() {
  local svc="$1" port jar pid db password=""
  port="$(service_port "$svc")"
  jar="$(service_jar "$svc")"
  if pid="$(running_pid "$svc")"; then
    info "$svc: already running (pid $pid)"
    return 0
  fi
  clear_stale_pid "$svc"
  if [[ ! -f "$jar" ]]; then
    info "$svc: not built ($svc/target/quarkus-app/quarkus-run.jar missing): skipped"
    SKIPPED+=("$svc")
    return 0
  fi
  if port_listening "$port"; then
    port_taken_error "$port" "$svc" "$(port_var "$svc")=<free port> ./platform up $svc"
  fi
  local env=(
    "QUARKUS_HTTP_PORT=$port"
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP"
    "TIDELINE_KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP"
    "MP_JWT_VERIFY_PUBLICKEY_LOCATION=$(jwt_public_key_location)"
  )
  db="$(service_db "$svc")"
  if [[ -n "$db" ]]; then
    # The services build both datasource URLs from these (shared-messaging's defaults).
    env+=("TIDELINE_DB_HOST=$PG_HOST" "TIDELINE_DB_PORT=$PG_PORT")
    password="$(given_db_password "$svc")"
  fi
  if [[ "$svc" == lp-tracker ]]; then
    local chain_env
    chain_env="$(lp_tracker_chain_env)"
    # shellcheck disable=SC2206 # one NAME=value per line, no spaces in the values
    [[ -n "$chain_env" ]] && env+=($chain_env)
  fi
  if [[ "$svc" == gateway ]]; then
    # API-key callers reach the services with short-lived tokens the gateway signs with the local private key.
    env+=("TIDELINE_GATEWAY_CALLER_TOKEN_SIGNING_KEY_LOCATION=$JWT_DIR/private.pem")
  fi
  if [[ "$svc" == perp-hedger ]]; then
    local hedge_env
    hedge_env="$(perp_hedger_chain_env)"
    # shellcheck disable=SC2206 # one NAME=value per line, no spaces in the values
    [[ -n "$hedge_env" ]] && env+=($hedge_env)
  fi
  # shellcheck disable=SC2206 # TIDELINE_JAVA_OPTS is a list of JVM options
  local command=(env "${env[@]}" "$JAVA" ${TIDELINE_JAVA_OPTS:-} -Dquarkus.profile=local -jar "$jar")
  if [[ -n "$password" ]]; then
    # A given password (postgres-roles.sh) reaches the service through the environment, not a command line that ps shows.
    TIDELINE_DB_PASSWORD="$password" launch "$svc" "${command[@]}"
  else
    launch "$svc" "${command[@]}"
  fi
  info "$svc: starting (pid $(cat "$(pid_file "$svc")"), port $port, log $LOG_DIR/$svc.log)"
  STARTED+=("$svc")
}

# Waits for /q/health/ready of every service started by this run; a failed one is stopped and its log shown.
await_services() {
  local svc port deadline url
  for svc in "${STARTED[@]}"; do
    port="$(service_port "$svc")"
    url="http://127.0.0.1:$port/q/health/ready"
    deadline=$(( $(date +%s) + READY_TIMEOUT ))
    while true; do
      if curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null; then
        info "$svc: ready ($url)"
        break
      fi
      if ! running_pid "$svc" >/dev/null; then
        rm -f "$(pid_file "$svc")"
        echo "${RED}$svc exited during start-up${RESET}" >&2
        show_log_tail "$svc"
        FAILED+=("$svc")
        break
      fi
      if (( $(date +%s) >= deadline )); then
        echo "${RED}$svc was not ready within ${READY_TIMEOUT}s ($url)${RESET}" >&2
        show_log_tail "$svc"
        stop_component "$svc"
        FAILED+=("$svc")
        break
      fi
      sleep 1
    done
  done
}
