# shellcheck shell=bash
# The local signing key and bearer tokens. Every service verifies a JWT on its API (shared-service); on a local run
# they trust the public key the launcher makes once in $TIDELINE_HOME/jwt, and `./platform token --role R` signs a
# token with its private half. The JDK alone does it (LocalToken.java, run as a single-file program): no openssl.

JWT_DIR="$TIDELINE_HOME/jwt"

ensure_local_keys() {
  require_java
  "$JAVA" "$LAUNCHER/LocalToken.java" keys "$JWT_DIR" || die "could not make the local signing key in $JWT_DIR"
}

# The public key's file for the services: the user's own (MP_JWT_VERIFY_PUBLICKEY_LOCATION) wins.
jwt_public_key_location() {
  echo "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$JWT_DIR/public.pem}"
}

# Prints a token for a role (viewer, trader, admin), valid for 12 hours unless --ttl says otherwise (ISO-8601, PT1H).
local_token() {
  local role="" subject="" ttl="PT12H"
  while (( $# )); do
    case "$1" in
      --role) role="${2:-}"; shift 2 || die "--role needs a value: viewer, trader or admin" ;;
      --role=*) role="${1#--role=}"; shift ;;
      --subject) subject="${2:-}"; shift 2 || die "--subject needs a value" ;;
      --ttl) ttl="${2:-}"; shift 2 || die "--ttl needs an ISO-8601 duration, e.g. PT1H" ;;
      *) die "unknown option '$1' for token (usage: ./platform token --role viewer|trader|admin [--subject NAME] [--ttl PT1H])" ;;
    esac
  done
  [[ -n "$role" ]] || die "token needs --role viewer|trader|admin"
  require_java
  [[ -f "$JWT_DIR/private.pem" ]] || die "no local signing key yet ($JWT_DIR): run ./platform up first"
  "$JAVA" "$LAUNCHER/LocalToken.java" token "$JWT_DIR" "$role" "${subject:-local-$role}" "$ttl"
}
