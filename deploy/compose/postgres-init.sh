#!/usr/bin/env bash
# PostgreSQL's first start in compose: a role and a database per service, all with $TIDELINE_DB_PASSWORD.
set -euo pipefail
for db in tideline_lp tideline_perp tideline_pnl tideline_settlement tideline_analytics tideline_alerting tideline_gateway; do
  psql -v ON_ERROR_STOP=1 -U postgres -v role="$db" -v pw="$TIDELINE_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"role" OWNER :"role";
SQL
done
