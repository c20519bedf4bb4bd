# shellcheck shell=bash
# What runs, and where: the table that `status` prints and `up` ends with.

service_state() {
  local svc="$1" pid port
  port="$(service_port "$svc")"
  if pid="$(running_pid "$svc")"; then
    if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
      echo "running (pid $pid)"
    else
      echo "running, not ready (pid $pid)"
    fi
  elif [[ ! -f "$(service_jar "$svc")" ]]; then
    echo "not built"
  elif port_listening "$port"; then
    echo "port taken by $(port_owner "$port")"
  else
    echo "stopped"
  fi
}

kafka_state() {
  local pid
  if pid="$(running_pid kafka)"; then echo "running (pid $pid)"
  elif port_listening "$KAFKA_PORT"; then
    pid="$(port_owner_pid "$KAFKA_PORT")"
    echo "external${pid:+ (pid $pid)}"
  else echo "stopped"; fi
}

chain_state() {
  local pid
  if pid="$(running_pid chain)"; then echo "running (pid $pid)"
  elif port_listening "$CHAIN_PORT"; then
    pid="$(port_owner_pid "$CHAIN_PORT")"
    echo "external${pid:+ (pid $pid)}"
  elif chain_skipped; then echo "stopped (TIDELINE_SKIP_CHAIN)"
  else echo "stopped"; fi
}

receivers_state() {
  local pid
  if pid="$(running_pid receivers)"; then echo "running (pid $pid)"
  elif port_listening "$RECEIVERS_PORT"; then echo "port taken by $(port_owner "$RECEIVERS_PORT")"
  else echo "stopped"; fi
}

# PostgreSQL is always the system's: the launcher may start it but never owns or stops it.
postgres_state() { if pg_answers; then echo "external (system)"; else echo "stopped"; fi; }

print_table() {
  local svc port
  printf "\n${BOLD}%-12s %-30s %s${RESET}\n" "COMPONENT" "STATE" "URL"
  printf "%-12s %-30s %s\n" "postgres" "$(postgres_state)" "postgresql://$PG_HOST:$PG_PORT  (databases ${DATABASES[0]} … ${DATABASES[-1]})"
  local kafka kafka_log=""
  kafka="$(kafka_state)"
  [[ "$kafka" == running* ]] && kafka_log="  (log: $LOG_DIR/kafka.log)"
  printf "%-12s %-30s %s\n" "kafka" "$kafka" "$KAFKA_BOOTSTRAP$kafka_log"
  local chain chain_info="  (not deployed)"
  chain="$(chain_state)"
  if [[ "$chain" == stopped* ]]; then chain_info=""
  elif [[ -f "$CHAIN_DEPLOYMENT" ]]; then chain_info="  (chain id 31337; addresses: ${CHAIN_DEPLOYMENT#"$ROOT"/})"; fi
  printf "%-12s %-30s %s\n" "chain" "$chain" "$CHAIN_RPC$chain_info"
  printf "%-12s %-30s %s\n" "receivers" "$(receivers_state)" "$RECEIVERS_URL/mail, /webhooks/alerts  (SMTP 127.0.0.1:$RECEIVERS_SMTP_PORT)"
  for svc in "${SERVICES[@]}"; do
    port="$(service_port "$svc")"
    if [[ "$svc" == gateway ]]; then
      printf "%-12s %-30s %s\n" "$svc" "$(service_state "$svc")" "http://127.0.0.1:$port/  (API docs: http://127.0.0.1:$port/q/openapi)"
    else
      printf "%-12s %-30s %s\n" "$svc" "$(service_state "$svc")" "http://127.0.0.1:$port/q/openapi"
    fi
  done
  echo
}
