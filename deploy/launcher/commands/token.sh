# shellcheck shell=bash
# `./platform token --role viewer|trader|admin`: a bearer token for the local services' APIs, e.g.
#   curl -H "Authorization: Bearer $(./platform token --role trader)" http://127.0.0.1:8083/api/v1/...

cmd_token() {
  local_token "$@"
}
