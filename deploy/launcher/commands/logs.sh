# shellcheck shell=bash
# `./platform logs SERVICE|kafka|chain`: follows one log.

cmd_logs() {
  (( $# == 1 )) || die "usage: ./platform logs SERVICE|kafka|chain"
  [[ "$1" == kafka || "$1" == chain ]] || default_port "$1" >/dev/null || die "unknown service '$1'. Logs: kafka chain ${SERVICES[*]}"
  local log="$LOG_DIR/$1.log"
  [[ -f "$log" ]] || info "$log does not exist yet; waiting for it (Ctrl-C to stop)"
  exec tail -n 100 -F "$log"
}
