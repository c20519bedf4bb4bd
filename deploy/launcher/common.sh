# shellcheck shell=bash
# What every part of the launcher uses: where its state lives and the services, with their ports, databases and jars.
# Sourced by ./platform after it has set ROOT (the repository root).

TIDELINE_HOME="${TIDELINE_HOME:-$ROOT/.platform}"
RUN_DIR="$TIDELINE_HOME/run"
LOG_DIR="$TIDELINE_HOME/logs"

# Start order: the owners of events first, the gateway (which reads from all of them) last.
SERVICES=(lp-tracker perp-hedger pnl-ingest settlement analytics alerting gateway)

default_port() {
  case "$1" in
    gateway) echo 8080 ;; lp-tracker) echo 8081 ;; perp-hedger) echo 8082 ;; pnl-ingest) echo 8083 ;;
    settlement) echo 8084 ;; analytics) echo 8085 ;; alerting) echo 8086 ;;
    *) return 1 ;;
  esac
}

# The HTTP port of a service: TIDELINE_PORT_<SERVICE> (e.g. TIDELINE_PORT_LP_TRACKER=9181) or its default.
service_port() {
  local var
  var="$(port_var "$1")"
  echo "${!var:-$(default_port "$1")}"
}

port_var() { echo "TIDELINE_PORT_$(echo "$1" | tr 'a-z-' 'A-Z_')"; }

service_db() {
  case "$1" in
    lp-tracker) echo tideline_lp ;; perp-hedger) echo tideline_perp ;; pnl-ingest) echo tideline_pnl ;;
    settlement) echo tideline_settlement ;; analytics) echo tideline_analytics ;; alerting) echo tideline_alerting ;;
    gateway) echo tideline_gateway ;;
    *) echo "" ;;
  esac
}

DATABASES=(tideline_lp tideline_perp tideline_pnl tideline_settlement tideline_analytics tideline_alerting tideline_gateway)

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
