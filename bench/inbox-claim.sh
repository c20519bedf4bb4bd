#!/usr/bin/env bash
# The durable inbox's claim (shared-messaging Inbox.claim) against the processed rows it keeps for its retention: the
# key-order query a claim runs after locking its batch ("is a message of my keys older than my last one pending and not
# mine?"), timed with pgbench (prepared, so generic plans as the service's client gets them) on a table holding a
# backlog of pending deliveries of one key (a webhook's) and 0, then N, processed rows kept. Side by side in the same
# run: the query the claim runs (one range over the pending rows) and the per-key min(id) it replaced, which PostgreSQL
# plans as a walk of the primary key from the lowest id. Aim: the claim's query does not grow with the rows kept.
# Needs: PostgreSQL with the tideline role (./platform up, or the local one). Usage:
#   bench/inbox-claim.sh [kept processed rows=100000] [pending=12000] [claim size=20] [body bytes=2000]
# all.sh: run
set -euo pipefail
cd "$(dirname "$0")/.."
kept=${1:-100000}
pending=${2:-12000}
claim=${3:-20}
body=${4:-2000}   # bytes per delivery body: two Address Activity activities with their logs
db="tideline_bench_inbox_$(date +%s)"
pg_user=${TIDELINE_BENCH_DB_USER:-tideline}
export PGPASSWORD=${TIDELINE_BENCH_DB_PASSWORD:-tideline}
out_dir=bench/target/inbox-claim
mkdir -p "$out_dir"
sql() { psql -h 127.0.0.1 -U "$pg_user" -d "$db" -qAtX -v ON_ERROR_STOP=1 "$@"; }

psql -h 127.0.0.1 -U "$pg_user" -d postgres -qc "create database $db" >/dev/null
trap 'psql -h 127.0.0.1 -U "$pg_user" -d postgres -qc "drop database if exists $db with (force)" >/dev/null' EXIT
# the shared tables as the services' Flyway creates them
for migration in $(ls shared-messaging/src/main/resources/db/messaging/*.sql | sort -V); do
  sql -f "$migration"
done

# The claim: the oldest $claim pending rows, held by this claim; the query asks about the key of all of them.
cat >"$out_dir/current.sql" <<'EOF'
\set first :first_pending
\set last :first_pending + :claim - 1
select message_key, min(id) from inbox where stream = 'alchemy-webhooks' and message_key = any(array['wh_bench'])
  and id < :last and processed_at is null and set_aside_at is null
  and id <> all(array(select generate_series(:first::bigint, :last::bigint))::bigint[]) group by message_key;
EOF
cat >"$out_dir/replaced.sql" <<'EOF'
\set first :first_pending
\set last :first_pending + :claim - 1
select k.key, g.id from unnest(array['wh_bench'], array[:last::bigint]) as k(key, last_id)
  cross join lateral (select min(e.id) as id from inbox e where e.stream = 'alchemy-webhooks' and e.message_key = k.key
  and e.id < k.last_id and e.processed_at is null and e.set_aside_at is null
  and e.id <> all(array(select generate_series(:first::bigint, :last::bigint))::bigint[])) g where g.id is not null;
EOF

time_query() { # form, first pending id -> mean latency in ms over 200 prepared executions
  pgbench -h 127.0.0.1 -U "$pg_user" -n -M prepared -t 200 -c 1 -D first_pending="$2" -D claim="$claim" \
    -f "$out_dir/$1.sql" "$db" 2>&1 | awk '/latency average/ { print $4 }'
}

echo "inbox claim: $pending pending deliveries of one key, claims of $claim, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %14s %22s\n' "form" "kept rows" "ms per claim query"
declare -A ms
for rows in 0 "$kept"; do
  sql -c "truncate inbox restart identity"
  sql -c "insert into inbox (stream, message_id, message_key, body, processed_at)
          select 'alchemy-webhooks', 'done-' || g, 'wh_bench', repeat('x', ${body}), now() from generate_series(1, $rows) g"
  sql -c "insert into inbox (stream, message_id, message_key, body)
          select 'alchemy-webhooks', 'new-' || g, 'wh_bench', repeat('x', ${body}) from generate_series(1, $pending) g"
  sql -c "analyze inbox"
  for form in current replaced; do
    ms[$form,$rows]=$(time_query "$form" $((rows + 1)))
    printf '%-10s %14s %22s\n' "$form" "$rows" "${ms[$form,$rows]}"
  done
done
# The figures convention of bench/all.sh (bench/README.md): the claim's query with the rows kept, against the same
# query with none kept in this run (a ratio near 1: it does not grow with the retention).
awk -v kept="$kept" -v a="${ms[current,$kept]}" -v b="${ms[current,0]}" -v r="${ms[replaced,$kept]}" -v rb="${ms[replaced,0]}" 'BEGIN {
  printf "FIGURE|inbox claim key-order query, %d processed rows kept|flat with rows kept|%.3f ms|0 kept: %.3f ms|%.2f\n", kept, a, b, a / b
  printf "FIGURE|inbox claim, replaced per-key min(id), %d kept|(for the record)|%.3f ms|0 kept: %.3f ms|%.2f\n", kept, r, rb, r / rb }'
