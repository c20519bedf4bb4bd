# shellcheck shell=bash
# `./platform up [--no-build] [SERVICE...]`: build, then the infrastructure and the services, waiting until each is
# ready; a second `up` starts nothing twice.

cmd_up() {
  local args=() svc
  NO_BUILD=0
  for a in "$@"; do
    case "$a" in
      --no-build) NO_BUILD=1 ;;
      -*) die "unknown option '$a' for up (see ./platform help)" ;;
      *) args+=("$a") ;;
    esac
  done
  local selected=() start
  for svc in "${args[@]+"${args[@]}"}"; do default_port "$svc" >/dev/null || die "unknown service '$svc'. Services: ${SERVICES[*]}"; done
  if (( ${#args[@]} )); then selected=("${args[@]}"); else selected=("${SERVICES[@]}"); fi
  start="$(now)"
  require_db_passwords "${selected[@]}"
  require_java
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  build "${args[@]+"${args[@]}"}"
  check_service_ports "${selected[@]}"
  ensure_postgres "${selected[@]}"
  ensure_kafka
  ensure_redis
  ensure_local_chain
  ensure_receivers
  ensure_local_keys
  step "Services"
  for svc in "${selected[@]}"; do start_service "$svc"; done
  (( ${#STARTED[@]} )) && await_services
  print_table
  info "the APIs (and /q/openapi, /q/metrics) take a bearer token: -H \"Authorization: Bearer \$(./platform token --role viewer)\""
  if (( ${#SKIPPED[@]} )); then
    info "not built: ${SKIPPED[*]} (build them with './platform up' without --no-build, or './mvnw package -DskipTests')"
  fi
  if (( ${#FAILED[@]} )); then
    die "did not start: ${FAILED[*]} (logs: $LOG_DIR/<service>.log; './platform logs <service>')"
  fi
  local gw
  gw="$(service_port gateway)"
  if running_pid gateway >/dev/null; then
    echo "${GREEN}Tideline is up${RESET} in $(since "$start") s: gateway http://127.0.0.1:$gw/   (stop with ./platform down)"
  else
    echo "${GREEN}Up${RESET} in $(since "$start") s (the gateway is not running). Stop with ./platform down"
  fi
}
