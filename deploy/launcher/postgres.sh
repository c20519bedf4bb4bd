# shellcheck shell=bash
# PostgreSQL: the system's server (started, or installed from the OS packages, when none answers; never stopped) and a
# superuser connection to it. The roles and databases it gets are in postgres-roles.sh.

PG_HOST="${TIDELINE_PG_HOST:-127.0.0.1}"
PG_PORT="${TIDELINE_PG_PORT:-5432}"
PG_ADMIN_USER="${TIDELINE_PG_ADMIN_USER:-postgres}"
PG_ADMIN_DB="${TIDELINE_PG_ADMIN_DB:-postgres}"

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

pg_is_local() { [[ "$PG_HOST" == 127.0.0.1 || "$PG_HOST" == localhost || "$PG_HOST" == ::1 ]]; }

# Starts an installed but stopped Debian cluster on $PG_PORT, or installs PostgreSQL from apt and starts it.
start_system_postgres() {
  pg_is_local || die "PostgreSQL does not answer at $PG_HOST:$PG_PORT (TIDELINE_PG_HOST). Start it, or unset TIDELINE_PG_HOST to use a local one."
  # Debian's server packages put the binaries under /usr/lib/postgresql/<version>/bin.
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    if [[ "$(id -u)" != 0 || ! -x "$(command -v apt-get || true)" ]]; then
      die "PostgreSQL is not running on $PG_HOST:$PG_PORT and this launcher can only install it as root on Debian/Ubuntu.
       Install and start PostgreSQL 15+ yourself (e.g. 'sudo apt-get install -y postgresql && sudo pg_ctlcluster <version> main start'),
       or point TIDELINE_PG_HOST / TIDELINE_PG_PORT at one."
    fi
    step "Installing PostgreSQL from the OS packages (apt-get install -y postgresql)"
    local start
    start="$(now)"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
    info "installed in $(since "$start") s"
    pg_answers && return 0   # the package's post-install may have started the cluster already
  fi
  local version cluster
  read -r version cluster < <(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; exit }') || true
  if [[ -z "${version:-}" ]]; then
    die "no PostgreSQL cluster is configured on port $PG_PORT (see 'pg_lsclusters'). Create one ('pg_createcluster <version> main --start') or set TIDELINE_PG_PORT."
  fi
  step "Starting PostgreSQL cluster $version/$cluster (pg_ctlcluster $version $cluster start)"
  if [[ "$(id -u)" == 0 ]]; then
    pg_ctlcluster "$version" "$cluster" start
  else
    die "PostgreSQL $version/$cluster is installed but stopped; start it as root: 'sudo pg_ctlcluster $version $cluster start'."
  fi
  local i
  for i in $(seq 1 30); do pg_answers && return 0; sleep 1; done
  die "PostgreSQL $version/$cluster did not accept connections within 30 s: see /var/log/postgresql/postgresql-$version-$cluster.log"
}

PSQL_ADMIN=()
# Finds a way to run SQL as a superuser: over TCP as $PG_ADMIN_USER, else as the postgres OS user over the socket.
pg_admin_connect() {
  (( ${#PSQL_ADMIN[@]} )) && return 0
  command -v psql >/dev/null 2>&1 || die "psql is not installed (needed to create the databases). Install the PostgreSQL client: 'apt-get install -y postgresql-client'."
  local tcp=(psql -X -q -w -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_ADMIN_USER" -d "$PG_ADMIN_DB")
  if PGCONNECT_TIMEOUT=5 PGPASSWORD="${TIDELINE_PG_ADMIN_PASSWORD:-${PGPASSWORD:-}}" "${tcp[@]}" -c 'select 1' >/dev/null 2>&1; then
    PSQL_ADMIN=(env "PGPASSWORD=${TIDELINE_PG_ADMIN_PASSWORD:-${PGPASSWORD:-}}" "${tcp[@]}")
    return 0
  fi
  if pg_is_local && [[ "$(id -u)" == 0 ]] && command -v runuser >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
    local peer=(runuser -u postgres -- psql -X -q -w -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$PG_ADMIN_DB")
    if "${peer[@]}" -c 'select 1' >/dev/null 2>&1; then
      PSQL_ADMIN=("${peer[@]}")
      return 0
    fi
  fi
  die "cannot connect to PostgreSQL at $PG_HOST:$PG_PORT as a superuser (tried '$PG_ADMIN_USER' over TCP and the postgres OS user).
       Set TIDELINE_PG_ADMIN_USER / TIDELINE_PG_ADMIN_PASSWORD to a superuser, or create the roles and databases listed in deploy/README.md yourself."
}

ensure_postgres() { # [SERVICE...]: the services whose roles a server that is not on this machine needs
  step "PostgreSQL on $PG_HOST:$PG_PORT"
  if pg_answers; then
    info "using the PostgreSQL already running there"
  else
    start_system_postgres
    info "started the system PostgreSQL (it is a system service: ./platform down leaves it running)"
  fi
  provision_postgres "$@"
}
