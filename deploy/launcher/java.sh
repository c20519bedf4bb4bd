# shellcheck shell=bash
# The JDK that runs the broker, the topic provisioner and the services: JAVA_HOME, else java on PATH; 17 or newer.

JAVA=""
require_java() {
  [[ -n "$JAVA" ]] && return 0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "no Java found. Install a JDK 17 or newer (e.g. 'apt-get install -y openjdk-17-jdk-headless') and put it on PATH or set JAVA_HOME."
  fi
  local version major
  version="$("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"   # 1.8.0_x -> 8
  if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
    die "Java 17 or newer is required, but $JAVA is version '${version:-unknown}'. Set JAVA_HOME to a JDK 17+."
  fi
  export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$JAVA")")")}"
}
