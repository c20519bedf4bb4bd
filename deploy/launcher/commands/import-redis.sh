# shellcheck shell=bash
# `./platform import-redis`: settlement's legacy importer, run by the settlement service (it must be up) through
# POST /api/v1/import/redis; prints the counts it reports.

cmd_import_redis() {
  local dry=false stats=false session="" limit="" prefix="" json port answer status token
  while (( $# )); do
    case "$1" in
      --dry-run) dry=true ;;
      --stats) stats=true ;;
      --session) (( $# >= 2 )) || die "--session needs a session id"; session="$2"; shift ;;
      --session=*) session="${1#*=}" ;;
      --limit) (( $# >= 2 )) || die "--limit needs a number"; limit="$2"; shift ;;
      --limit=*) limit="${1#*=}" ;;
      --prefix) (( $# >= 2 )) || die "--prefix needs a key prefix"; prefix="$2"; shift ;;
      --prefix=*) prefix="${1#*=}" ;;
      -h | --help) echo "usage: ./platform import-redis [--dry-run] [--stats] [--session ID] [--limit N] [--prefix KEY_PREFIX]"; return 0 ;;
      *) die "unknown option '$1' for import-redis (see ./platform help)" ;;
    esac
    shift
  done
  [[ -z "$limit" || "$limit" =~ ^[1-9][0-9]*$ ]] || die "--limit must be a positive number, got '$limit'"
  command -v curl >/dev/null 2>&1 || die "import-redis needs curl"
  json="{\"dryRun\":$dry,\"statsOnly\":$stats"
  [[ -n "$session" ]] && json+=",\"sessionId\":\"${session//\"/}\""
  [[ -n "$limit" ]] && json+=",\"limit\":$limit"
  [[ -n "$prefix" ]] && json+=",\"keyPrefix\":\"${prefix//\"/}\""
  json+="}"
  port="$(service_port settlement)"
  port_open "$port" || die "settlement is not running on port $port: start it with ./platform up settlement"
  token="$(local_token --role admin)" || exit 1
  answer="$(curl -sS -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$json" \
    -w $'\n%{http_code}' \
    "http://127.0.0.1:$port/api/v1/import/redis")" || die "calling settlement on port $port failed"
  status="${answer##*$'\n'}"
  answer="${answer%$'\n'*}"
  if command -v jq >/dev/null 2>&1; then echo "$answer" | jq .; else echo "$answer"; fi
  [[ "$status" == 200 ]] || die "the import failed (HTTP $status)"
}
