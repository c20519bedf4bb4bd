# shellcheck shell=bash
# Redis for settlement's legacy importer, which reads the previous system's Redis on 127.0.0.1:6379 (its tests too).
# A Redis answering there is used as it is; otherwise the machine's redis-server is started as a daemon of its own,
# without persistence (./platform down leaves it running, like the system PostgreSQL).

REDIS_PORT=6379

redis_answers() {
  local reply=""
  { exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [[ "$reply" == +PONG* ]]
}

ensure_redis() {
  step "Redis on 127.0.0.1:$REDIS_PORT"
  if redis_answers; then
    info "using the Redis already running there"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    local needed_by="settlement's legacy importer (./platform import-redis) needs one."
    warn "no Redis answers on 127.0.0.1:$REDIS_PORT and redis-server is not installed (apt-get install -y redis-server): $needed_by"
    return 0
  fi
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null \
    || { warn "starting redis-server failed; settlement's legacy importer needs a Redis on port $REDIS_PORT"; return 0; }
  local i
  for i in $(seq 1 50); do redis_answers && break; sleep 0.1; done
  if redis_answers; then
    info "started redis-server (a daemon of its own: ./platform down leaves it running)"
  else
    warn "redis-server was started but does not answer on 127.0.0.1:$REDIS_PORT"
  fi
}
