# shellcheck shell=bash
# The roles and databases the launcher creates, and their passwords: one role and database per service (role =
# database name) and the test suite's CREATEDB role `tideline`.
#
# The rule: a role whose password is its own name (tideline_lp/tideline_lp, tideline/tideline, what the services'
# `local` profile and the tests expect) is created only on a PostgreSQL on this machine, TIDELINE_PG_HOST 127.0.0.1,
# localhost or ::1. On any other server the passwords must be given, and the launcher stops before it builds, creates
# or starts anything, naming the variables that are missing:
#   - a service's role: TIDELINE_DB_PASSWORD_<SERVICE> (TIDELINE_DB_PASSWORD_LP_TRACKER, ...), else
#     TIDELINE_PG_SERVICE_PASSWORD for every service; there `up` creates only the roles of the services it starts;
#   - the test role (`./platform test`, which creates no service role there): TIDELINE_TEST_PG_PASSWORD.
# A service whose password is given (on any server) gets it as TIDELINE_DB_PASSWORD, which overrides its local
# profile's. A role that already exists keeps its password, so a given one is checked by logging in with it.

TEST_ROLE=tideline

# The variable that holds the password of a service's role: TIDELINE_DB_PASSWORD_LP_TRACKER for lp-tracker.
db_password_var() { echo "TIDELINE_DB_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"; }

# The password given for a service's role, or nothing.
given_db_password() {
  local var
  var="$(db_password_var "$1")"
  echo "${!var:-${TIDELINE_PG_SERVICE_PASSWORD:-}}"
}

# Which variable that password comes from (messages name it, never the password).
given_db_password_source() {
  local var
  var="$(db_password_var "$1")"
  if [[ -n "${!var:-}" ]]; then echo "$var"; else echo TIDELINE_PG_SERVICE_PASSWORD; fi
}

require_db_passwords() { # SERVICE...: on a server not on this machine, a password for each of their roles
  pg_is_local && return 0
  local svc missing=()
  for svc in "$@"; do
    if [[ -n "$(service_db "$svc")" && -z "$(given_db_password "$svc")" ]]; then missing+=("$(db_password_var "$svc")"); fi
  done
  (( ${#missing[@]} )) || return 0
  die "PostgreSQL at $PG_HOST:$PG_PORT (TIDELINE_PG_HOST) is not on this machine, and the launcher creates no role with a guessable password there.
       Set TIDELINE_PG_SERVICE_PASSWORD (the password of every service's role), or one per service: ${missing[*]}."
}

require_test_db_password() {
  pg_is_local && return 0
  [[ -n "${TIDELINE_TEST_PG_PASSWORD:-}" ]] && return 0
  die "PostgreSQL at $PG_HOST:$PG_PORT (TIDELINE_PG_HOST) is not on this machine, and the launcher creates no role with a guessable password there.
       Set TIDELINE_TEST_PG_PASSWORD (the password of the test role '$TEST_ROLE')."
}

# $1 as a single-quoted psql meta-command argument (\set), which takes '' for ' and \\ for \.
psql_quoted() {
  local s="${1//\\/\\\\}"
  printf "'%s'" "${s//\'/\'\'}"
}

# Logs in as role $1 with password $2 to database $3; dies naming variable $4 if that fails.
check_role_login() {
  local error
  if ! error="$(PGPASSWORD="$2" PGCONNECT_TIMEOUT=5 psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$1" -d "$3" \
      -c 'select 1' 2>&1 >/dev/null)"; then
    die "role '$1' cannot log in to $PG_HOST:$PG_PORT/$3 with the password in $4: ${error%%$'\n'*}
       A role that already exists keeps its password: set $4 to that one, or change the role's (ALTER ROLE $1 PASSWORD ...)."
  fi
}

# Creates the roles and databases, leaving existing ones (and their passwords) alone, and checks the given passwords.
provision_postgres() { # [SERVICE...]: on a server not on this machine, only these services' roles
  local svc role password origin extra sql="" i given=0
  local roles=() passwords=() origins=() databases=()
  if pg_is_local; then set -- "${SERVICES[@]}"; fi
  for svc in "$@"; do
    role="$(service_db "$svc")"
    [[ -n "$role" ]] || continue
    password="$(given_db_password "$svc")"
    origin=""
    if [[ -n "$password" ]]; then origin="$(given_db_password_source "$svc")"; given=1; else password="$role"; fi
    roles+=("$role") passwords+=("$password") origins+=("$origin") databases+=("$role")
  done
  if pg_is_local; then
    roles+=("$TEST_ROLE") passwords+=("$TEST_ROLE") origins+=("")
  elif [[ -n "${TIDELINE_TEST_PG_PASSWORD:-}" ]]; then
    roles+=("$TEST_ROLE") passwords+=("$TIDELINE_TEST_PG_PASSWORD") origins+=(TIDELINE_TEST_PG_PASSWORD)
    given=1
  fi
  if (( ${#roles[@]} == 0 )); then
    info "no role or database needed (the services started use none)"
    return 0
  fi
  pg_admin_connect
  for i in "${!roles[@]}"; do
    role="${roles[i]}"
    extra=""
    [[ "$role" == "$TEST_ROLE" ]] && extra=" CREATEDB"
    [[ "${passwords[i]}" != *$'\n'* ]] || die "the password in ${origins[i]} contains a line break"
    # The password goes through a psql variable, quoted by psql itself, on standard input (never a command line).
    sql+="\\set password $(psql_quoted "${passwords[i]}")
SELECT format('CREATE ROLE %I LOGIN%s PASSWORD %L', '$role', '$extra', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \\gexec
ALTER ROLE $role LOGIN$extra;
"
  done
  sql+="\\unset password
"
  for role in "${databases[@]+"${databases[@]}"}"; do
    sql+="SELECT 'CREATE DATABASE $role OWNER $role' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$role') \\gexec
"
  done
  printf '%s\n' "$sql" | "${PSQL_ADMIN[@]}" >/dev/null || die "creating the Tideline roles and databases failed (see the psql error above)."
  for i in "${!roles[@]}"; do
    [[ -n "${origins[i]}" ]] || continue
    if [[ "${roles[i]}" == "$TEST_ROLE" ]]; then
      check_role_login "${roles[i]}" "${passwords[i]}" "$PG_ADMIN_DB" "${origins[i]}"
    else
      check_role_login "${roles[i]}" "${passwords[i]}" "${roles[i]}" "${origins[i]}"
    fi
  done
  local passwords_note="password = role name" test_note=""
  if (( given )); then
    if pg_is_local; then passwords_note="password = role name unless given"; else passwords_note="passwords as given"; fi
  fi
  [[ " ${roles[*]} " == *" $TEST_ROLE "* ]] && test_note=" and the CREATEDB role '$TEST_ROLE'"
  if (( ${#databases[@]} )); then
    info "databases ${databases[*]} (role = database name, $passwords_note)$test_note are in place"
  else
    info "the CREATEDB role '$TEST_ROLE' is in place"
  fi
}
