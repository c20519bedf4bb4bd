# shellcheck shell=bash
# The single-node Apache Kafka broker (KRaft) run from the Kafka jars on Maven Central (deploy/pom.xml copies them to
# deploy/target/kafka-lib), and its topics (shared-events' TopicProvisioner).

KAFKA_DIR="$TIDELINE_HOME/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"

KAFKA_LIB="$ROOT/deploy/target/kafka-lib"
KAFKA_TEMPLATE="$ROOT/deploy/kafka/server.properties.template"
KAFKA_LOG4J="$ROOT/deploy/kafka/log4j2.properties"
KAFKA_PORT="${TIDELINE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${TIDELINE_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${TIDELINE_KAFKA_HEAP:-512m}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

KAFKA_START_TIMEOUT="${TIDELINE_KAFKA_START_TIMEOUT:-60}"

# Built, and not older than the sources of what it holds (the topic catalogue and provisioner of shared-events).
kafka_lib_built() {
  local events_jar
  compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null || return 1
  events_jar="$(compgen -G "$KAFKA_LIB/shared-events-*.jar" | head -n 1)" || return 1
  [[ -z "$(find "$ROOT/shared-events/src/main" -newer "$events_jar" -print -quit)" ]]
}

require_kafka_lib() {
  kafka_lib_built && return 0
  step "Building the Kafka broker jars and the topic provisioner (deploy module)"
  run_mvnw -B -q -pl deploy -am install -DskipTests
  kafka_lib_built || die "the deploy build did not produce $KAFKA_LIB: check deploy/pom.xml (copy-kafka-lib)."
}

provision_topics() { # [timeout seconds]
  "$JAVA" -cp "$KAFKA_LIB/*" io.tideline.events.TopicProvisioner "$KAFKA_BOOTSTRAP" \
    "--timeout=${1:-30}" | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DATA"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
      -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      -e "s#@LOG_DIRS@#$KAFKA_DATA#g" \
      "$KAFKA_TEMPLATE" >"$KAFKA_CONFIG"
}

# The broker runs from a copy of deploy/target/kafka-lib taken when it starts: a rebuild ('./platform test' runs
# './mvnw verify', which re-copies the jars; 'mvn clean' deletes them) must not rewrite jars under a running JVM.
KAFKA_RUN_LIB="$KAFKA_DIR/lib"
snapshot_kafka_lib() {
  rm -rf "$KAFKA_RUN_LIB"
  cp -r "$KAFKA_LIB" "$KAFKA_RUN_LIB"
}

kafka_java() { "$JAVA" -cp "$KAFKA_RUN_LIB/*" "$@"; }

format_kafka_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local start cluster_id
  start="$(now)"
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)"
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" >>"$LOG_DIR/kafka.log" 2>&1 \
    || { show_log_tail kafka; die "formatting the Kafka storage in $KAFKA_DATA failed. './platform down --purge' starts from empty data."; }
  info "formatted $KAFKA_DATA (cluster id $cluster_id) in $(since "$start") s"
}

KAFKA_STARTED_HERE=0
ensure_kafka() {
  step "Kafka broker on $KAFKA_BOOTSTRAP"
  require_kafka_lib
  local pid
  if pid="$(running_pid kafka)"; then
    info "already running (pid $pid)"
  elif port_listening "$KAFKA_PORT"; then
    clear_stale_pid kafka
    info "port $KAFKA_PORT is taken by another process: checking that it is a Kafka broker"
    if ! provision_topics 10 >/dev/null 2>&1; then
      port_taken_error "$KAFKA_PORT" "the Kafka broker" "TIDELINE_KAFKA_PORT=19092 ./platform ${COMMAND:-up}"
    fi
    info "it is: reusing it (./platform down will not stop it)"
  else
    clear_stale_pid kafka
    if port_listening "$KAFKA_CONTROLLER_PORT"; then
      port_taken_error "$KAFKA_CONTROLLER_PORT" "the Kafka controller" "TIDELINE_KAFKA_CONTROLLER_PORT=19093 ./platform ${COMMAND:-up}"
    fi
    mkdir -p "$RUN_DIR" "$LOG_DIR"
    write_kafka_config
    snapshot_kafka_lib
    format_kafka_storage
    local start waited=0
    start="$(now)"
    # shellcheck disable=SC2086 # KAFKA_OPTS is a list of JVM options
    launch kafka "$JAVA" "-Xms$KAFKA_HEAP" "-Xmx$KAFKA_HEAP" -XX:+UseG1GC ${TIDELINE_KAFKA_OPTS:-} \
      "-Dlog4j2.configurationFile=$KAFKA_LOG4J" -cp "$KAFKA_RUN_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
    KAFKA_STARTED_HERE=1
    until port_open "$KAFKA_PORT"; do
      if ! running_pid kafka >/dev/null; then
        rm -f "$(pid_file kafka)"
        show_log_tail kafka
        die "the Kafka broker exited during start-up. Its log: $LOG_DIR/kafka.log. If its data is damaged, './platform down --purge' starts from empty data."
      fi
      if (( waited >= KAFKA_START_TIMEOUT * 5 )); then
        show_log_tail kafka
        stop_component kafka
        die "the Kafka broker did not open port $KAFKA_PORT within ${KAFKA_START_TIMEOUT}s (log: $LOG_DIR/kafka.log)."
      fi
      sleep 0.2
      waited=$((waited + 1))
    done
    pid="$(running_pid kafka)"
    info "started (pid $pid), listening after $(since "$start") s; log: $LOG_DIR/kafka.log"
  fi
  info "topics:"
  provision_topics 30 || die "creating the Kafka topics on $KAFKA_BOOTSTRAP failed (broker log: $LOG_DIR/kafka.log)."
}
