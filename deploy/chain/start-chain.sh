#!/usr/bin/env bash
# Starts Tideline's local EVM chain — a Hardhat 2 node on 127.0.0.1:${TIDELINE_CHAIN_PORT:-8545}, chain id 31337 —
# in the background and deploys Uniswap v3 to it (deploy-uniswap.js). `./platform up` runs this; by hand:
#
#   bash deploy/chain/start-chain.sh          # start (or reuse) the node, then deploy (skipped if already deployed)
#   bash deploy/chain/start-chain.sh stop     # stop the node this script started
#   bash deploy/chain/start-chain.sh install  # only `npm ci` (if needed): what `./platform test` runs before Maven
#
# State: $TIDELINE_HOME/run/chain.pid and $TIDELINE_HOME/logs/chain.log (TIDELINE_HOME defaults to <repo>/.platform,
# as for ./platform); the addresses: deploy/chain/.state/deployment.json.
# Exit codes: 0 ok, 1 failure, 3 Node.js missing or too old (./platform treats every failure as "chain skipped").
set -euo pipefail

CHAIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$CHAIN_DIR/../.." && pwd)"
TIDELINE_HOME="${TIDELINE_HOME:-$ROOT/.platform}"
RUN_DIR="$TIDELINE_HOME/run"
LOG_DIR="$TIDELINE_HOME/logs"
PID_FILE="$RUN_DIR/chain.pid"
LOG_FILE="$LOG_DIR/chain.log"
PORT="${TIDELINE_CHAIN_PORT:-8545}"
RPC="http://127.0.0.1:$PORT"
START_TIMEOUT="${TIDELINE_CHAIN_START_TIMEOUT:-60}"
EXPECTED_CHAIN_ID=31337
# In the node's command line (guards against a recycled PID); without the port, so that a node started on another
# TIDELINE_CHAIN_PORT is still recognised as ours (and stopped, not orphaned).
MARKER="hardhat node --hostname 127.0.0.1 --port "

say() { echo "$*"; }
die() { echo "start-chain: error: $1" >&2; exit "${2:-1}"; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# PID of the node we started, if it still runs and still is that node.
running_pid() {
  local pid stat
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]] || return 1
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$MARKER"* ]] || return 1
  echo "$pid"
}

# The chain id (decimal) answered at $RPC, or failure.
rpc_chain_id() {
  local out hex
  out="$(curl -fsS -m 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$RPC" 2>/dev/null)" || return 1
  hex="$(echo "$out" | grep -o '"result":"0x[0-9a-fA-F]*"' | cut -d'"' -f4)"
  [[ -n "$hex" ]] || return 1
  echo $((hex))
}

port_listening() {
  if command -v ss >/dev/null 2>&1; then [[ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]]
  else (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; fi
}

port_owner() {
  local pid
  if command -v ss >/dev/null 2>&1; then
    pid="$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
    if [[ -n "$pid" ]]; then echo "pid $pid: $(ps -o args= -p "$pid" 2>/dev/null | cut -c1-160)"; return; fi
    echo "a process this user cannot see (try: sudo ss -ltnp 'sport = :$1')"
  else
    echo "an unknown process (ss not installed)"
  fi
}

stop_chain() {
  local pid waited=0
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "chain: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( waited < 100 )); do sleep 0.1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
  say "chain: stopped (pid $pid)"
}

require_node() {
  command -v node >/dev/null 2>&1 \
    || die "Node.js is not installed. Install Node 18 or newer (e.g. 'apt-get install -y nodejs npm', or https://nodejs.org) — Hardhat 2 needs it." 3
  local version major
  version="$(node --version 2>/dev/null || true)"
  major="${version#v}"; major="${major%%.*}"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 18 )); then
    die "Node.js 18 or newer is required, but 'node' is ${version:-unknown} ($(command -v node))." 3
  fi
  command -v npm >/dev/null 2>&1 || die "npm is not installed (it usually comes with Node.js; e.g. 'apt-get install -y npm')." 3
}

require_curl() {
  command -v curl >/dev/null 2>&1 || die "curl is not installed (needed to wait for the node's JSON-RPC)."
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  local marker="$CHAIN_DIR/node_modules/.package-lock.json"
  if [[ -f "$marker" && ! "$CHAIN_DIR/package-lock.json" -nt "$marker" && -x "$CHAIN_DIR/node_modules/.bin/hardhat" ]]; then
    say "deploy/chain/node_modules is up to date with package-lock.json"
    return 0
  fi
  local start
  start="$(now)"
  say "npm ci (deploy/chain/node_modules: hardhat, @uniswap/v3-core, @uniswap/v3-periphery, @openzeppelin/contracts, ethers)"
  if ! (cd "$CHAIN_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$LOG_DIR/chain-npm-ci.log" 2>&1); then
    tail -n 20 "$LOG_DIR/chain-npm-ci.log" >&2 || true
    die "npm ci failed in $CHAIN_DIR (full output: $LOG_DIR/chain-npm-ci.log). Check the npm registry is reachable ('npm ping') or that ~/.npm holds the packages."
  fi
  say "npm ci done in $(since "$start") s"
}

start_node() {
  local pid id
  if pid="$(running_pid)"; then
    if [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *"$MARKER$PORT "* ]]; then
      say "hardhat node already running (pid $pid) at $RPC"
      return 0
    fi
    die "the chain started from $TIDELINE_HOME runs on another port (pid $pid: $(ps -o args= -p "$pid" | cut -c1-160)).
       Stop it first ('bash $CHAIN_DIR/start-chain.sh stop' or './platform down'), or use the same TIDELINE_CHAIN_PORT."
  fi
  rm -f "$PID_FILE"
  if port_listening "$PORT"; then
    if id="$(rpc_chain_id)" && [[ "$id" == "$EXPECTED_CHAIN_ID" ]]; then
      say "a chain with id $id already answers at $RPC ($(port_owner "$PORT")): reusing it (not started here, so not stopped by ./platform down)"
      return 0
    fi
    die "port $PORT is already in use by $(port_owner "$PORT")${id:+ (a chain with id $id, not $EXPECTED_CHAIN_ID)}.
       Stop that process, or use another port: TIDELINE_CHAIN_PORT=18545 (./platform up / bash start-chain.sh)."
  fi
  local start waited=0
  start="$(now)"
  echo "----- $(date '+%F %T') start-chain.sh starting hardhat node on $RPC" >>"$LOG_FILE"
  # The local bin, not npx: the PID file then names the node process itself. Own session (setsid): Ctrl-C in the
  # terminal that ran ./platform up does not reach it.
  (cd "$CHAIN_DIR" && HARDHAT_DISABLE_TELEMETRY_PROMPT=true NO_COLOR=1 FORCE_COLOR=0 exec setsid node "$CHAIN_DIR/node_modules/.bin/hardhat" \
    node --hostname 127.0.0.1 --port "$PORT" >>"$LOG_FILE" 2>&1 </dev/null) &
  echo $! >"$PID_FILE"
  until id="$(rpc_chain_id)"; do
    if ! running_pid >/dev/null; then
      rm -f "$PID_FILE"
      tail -n 30 "$LOG_FILE" >&2 || true
      die "hardhat node exited during start-up (log: $LOG_FILE)."
    fi
    if (( waited >= START_TIMEOUT * 5 )); then
      tail -n 30 "$LOG_FILE" >&2 || true
      stop_chain >/dev/null
      die "hardhat node did not answer eth_chainId at $RPC within ${START_TIMEOUT}s (log: $LOG_FILE)."
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  [[ "$id" == "$EXPECTED_CHAIN_ID" ]] || die "the node at $RPC reports chain id $id, expected $EXPECTED_CHAIN_ID (check hardhat.config.js)."
  say "hardhat node started (pid $(cat "$PID_FILE"), chain id $id) and answering after $(since "$start") s at $RPC; log: $LOG_FILE"
}

deploy() {
  local start
  start="$(now)"
  (cd "$CHAIN_DIR" && TIDELINE_CHAIN_RPC="$RPC" node deploy-uniswap.js) \
    || die "deploying Uniswap v3 to $RPC failed (see above). The node keeps running; retry with: node $CHAIN_DIR/deploy-uniswap.js"
  say "deployment step took $(since "$start") s"
}

case "${1:-start}" in
  start)
    mkdir -p "$RUN_DIR" "$LOG_DIR"
    require_node
    require_curl
    ensure_node_modules
    start_node
    deploy
    ;;
  install)
    require_node
    mkdir -p "$LOG_DIR"
    ensure_node_modules
    ;;
  stop) stop_chain ;;
  *) die "usage: start-chain.sh [start|stop|install]" ;;
esac
