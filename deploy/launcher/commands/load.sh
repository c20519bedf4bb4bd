# shellcheck shell=bash
# `./platform load [MINUTES]`: a steady mix on the running platform (e2e module, io.tideline.e2e.load.LoadMain) — chain
# blocks over 1,000 open LP positions, 500 webhook activities/s through the gateway, settlement runs, 100 SSE clients —
# printing every minute throughput, p99 latencies, heap per service and consumer lag; non-zero when heap or lag kept
# growing after the first minutes. TIDELINE_LOAD_POSITIONS, _ACTIVITIES_PER_SECOND, _BLOCK_SECONDS,
# _SETTLEMENT_SECONDS and _SSE_CLIENTS change the mix.

cmd_load() {
  local minutes="${1:-30}"
  (( $# <= 1 )) || die "usage: ./platform load [MINUTES]"
  [[ "$minutes" =~ ^[0-9]+$ ]] && (( minutes > 0 )) || die "MINUTES must be a positive whole number, not '$minutes'"
  require_java
  require_platform_up
  snapshot_e2e_lib
  local svc services=""
  for svc in "${SERVICES[@]}"; do services+="${services:+,}$svc=$(service_port "$svc")"; done
  # One caller per stream client: the gateway limits the streams of one caller.
  local stream_tokens="$RUN_DIR/load-stream-tokens.txt"
  "$JAVA" "$LAUNCHER/LocalToken.java" tokens "$JWT_DIR" viewer load-stream "${TIDELINE_LOAD_SSE_CLIENTS:-100}" PT2H \
    >"$stream_tokens" || die "could not sign the stream clients' tokens"
  step "Load for $minutes min through the gateway (http://127.0.0.1:$(service_port gateway)/)"
  # the live heap is counted by jcmd beside the java that runs the services (java may be a link: follow it)
  local jcmd; jcmd="$(dirname "$(readlink -f "$JAVA")")/jcmd"
  [[ -x "$jcmd" ]] || { jcmd=""; warn "no jcmd beside $JAVA: heap judged on the old generation in use, garbage included"; }
  TIDELINE_LOAD_MINUTES="$minutes" TIDELINE_LOAD_SERVICES="$services" TIDELINE_LOAD_STREAM_TOKENS="$stream_tokens" \
  TIDELINE_LOAD_PID_DIR="$RUN_DIR" TIDELINE_LOAD_JCMD="$jcmd" \
    e2e_java io.tideline.e2e.load.LoadMain
}
