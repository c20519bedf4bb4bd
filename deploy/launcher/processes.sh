# shellcheck shell=bash
# The processes the launcher starts and stops (PID files under $RUN_DIR, logs under $LOG_DIR) and the TCP ports they
# need. A PID file is trusted only while its process is still the component it was written for.

STOP_TIMEOUT=20

pid_file() { echo "$RUN_DIR/$1.pid"; }

# What must appear in a process's command line for it to be the one we started (guards against a recycled PID).
process_marker() {
  case "$1" in
    kafka) echo "kafka.Kafka" ;;
    chain) echo "hardhat node --hostname 127.0.0.1 --port " ;;   # any port: down stops the chain we started
    receivers) echo "io.tideline.e2e.receivers.LocalReceivers" ;;
    *) echo "$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

# True while process $1 exists and has not exited (an exited child of this shell lingers as a zombie until reaped).
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]]
}

# Prints the PID of component $1 if our PID file names a live process that is still that component.
running_pid() {
  local file pid cmdline
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$(process_marker "$1")"* ]] || return 1
  echo "$pid"
}

clear_stale_pid() {
  local file
  file="$(pid_file "$1")"
  if [[ -f "$file" ]] && ! running_pid "$1" >/dev/null; then rm -f "$file"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_listening() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]]
  else
    port_open "$1"
  fi
}

port_owner_pid() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

# One line saying which process holds TCP port $1, as far as this user may see.
port_owner() {
  local line pid
  if command -v ss >/dev/null 2>&1; then
    line="$(ss -ltnpH "sport = :$1" 2>/dev/null | head -1)"
    pid="$(echo "$line" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
    if [[ -n "$pid" ]]; then
      echo "pid $pid: $(ps -o args= -p "$pid" 2>/dev/null | cut -c1-160)"
      return
    fi
    [[ -n "$line" ]] && { echo "a process this user cannot see (try: sudo ss -ltnp 'sport = :$1')"; return; }
  elif command -v lsof >/dev/null 2>&1; then
    lsof -nP -iTCP:"$1" -sTCP:LISTEN 2>/dev/null | awk 'NR == 2 { print "pid " $2 ": " $1; exit }'
    return
  fi
  echo "unknown process (ss not installed)"
}

port_taken_error() { # port, what wants it, how to override
  die "port $1 ($2) is already in use by ${BOLD}$(port_owner "$1")${RESET}
       Stop that process, or move $2 to another port: $3"
}

# Stops the process of component $1 if we started it: SIGTERM, up to $STOP_TIMEOUT s, then SIGKILL.
stop_component() {
  local name="$1" pid waited=0
  if ! pid="$(running_pid "$name")"; then
    if [[ -f "$(pid_file "$name")" ]]; then info "$name: not running (removed stale PID file)"; rm -f "$(pid_file "$name")"; fi
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && (( waited < STOP_TIMEOUT * 5 )); do sleep 0.2; waited=$((waited + 1)); done
  if alive "$pid"; then
    warn "$name (pid $pid) did not stop within ${STOP_TIMEOUT}s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  info "$name: stopped (pid $pid)"
}

# Starts "$@" detached (own session, so Ctrl-C or closing the terminal does not hit it), output to log $1.
# A log over this size is moved to <name>.log.1 (one generation kept) when its part starts again.
LOG_ROTATE_BYTES="${TIDELINE_LOG_ROTATE_BYTES:-20000000}"

launch() {
  local name="$1" log="$LOG_DIR/$1.log"
  shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if [[ -f "$log" ]] && (( $(stat -c %s "$log") > LOG_ROTATE_BYTES )); then
    mv -f "$log" "$log.1"
  fi
  echo "----- $(date '+%F %T') ./platform starting $name" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

show_log_tail() {
  local log="$LOG_DIR/$1.log"
  echo "----- last 30 lines of $log -----" >&2
  tail -n 30 "$log" >&2 2>/dev/null || true
  echo "-----" >&2
}
