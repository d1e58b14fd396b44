#!/usr/bin/env bash
# The reference server under load: wrk against the release build on a PostgreSQL 15
# cluster with fsync on, next to pgbench ceilings for the same queries on the same
# database, printed as one table with the issue's targets. Figures only, never
# pass/fail: the exit code says whether the benchmark ran, not whether a target was met.
#
#   scripts/bench-server.sh            from the repository root (or anywhere: it cd's there)
#
#   a. one record            GET  /api/partners/P/profiles/partner         (main account)
#   b. 200 customers         GET  /api/partners/P/customers                (main account)
#   c. guarded settlement    PUT  /api/partners/P/settlements/bench-N      (main account,
#                            checklist ticks with If-Match; only 200s count)
#   d. 20,000-row chunk      PUT  /api/partners/P/statements/…             (manager)
#   d2 the same rows in the app's own stored chunk form (informational)
#
# Everything it starts (cluster in target/pg-bench, server on 127.0.0.1:8093, temp
# files) is stopped and removed on any exit; raw outputs stay in target/bench-server/.
# Environment: BENCH_SECONDS (10), BENCH_THREADS (2), BENCH_CONNECTIONS (16).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$ROOT/target/pg-bench"
PG_PORT=55442
DB_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench"
BIND=127.0.0.1:8093
BASE="http://$BIND"
API="$BASE/api"
OUT="$ROOT/target/bench-server"
LUA="$ROOT/scripts/bench-server"
SERVER="$ROOT/target/release/partner_server"
PARTNER=100099990001
CUSTOMERS=200
PASSWORD=demo-password-2026
SECONDS_EACH=${BENCH_SECONDS:-10}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-16}

say() { printf '\033[1;34m[bench-server]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[bench-server]\033[0m %s\n' "$*" >&2; exit 2; }

# The settlement script gives each wrk thread its share of the connections.
[ $((CONNS % THREADS)) -eq 0 ] || die "BENCH_CONNECTIONS ($CONNS) must be a multiple of BENCH_THREADS ($THREADS)"

# ---- cleanup: whatever happens, nothing this script started outlives it ------------
SERVER_PID=
PG_OURS=no
TMP=
cleanup() {
  trap - INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # TERM, not INT: a background job of a non-interactive shell starts with SIGINT
    # ignored. The server keeps nothing in memory, so no graceful shutdown is needed.
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$PG_OURS" = yes ]; then
    scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
    # Only a stopped cluster's folder is removed: rm under a running server would
    # leave it writing into deleted files.
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      say "the cluster in $PG_DIR did not stop; left in place"
    else
      rm -rf -- "$PG_DIR"
    fi
  fi
  [ -z "$TMP" ] || rm -rf -- "$TMP"
}
trap cleanup EXIT
# Without these a signal would still run the EXIT trap; with them the exit code is
# the usual 128+signal.
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- tools ------------------------------------------------------------------------
# Installs a missing Debian package (wrk, jq) the way scripts/setup.sh does.
need() {
  local cmd="$1" pkg="$2"
  command -v "$cmd" >/dev/null && return 0
  say "installing $pkg"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null ||
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null; }
}
need wrk wrk
need jq jq
need curl curl
command -v node >/dev/null || die "node is needed to build the statement chunk (scripts/setup.sh build)"
[ -x "$PG_BIN/pgbench" ] || die "$PG_BIN/pgbench not found: run scripts/setup.sh test (installs postgresql-15)"

port_busy() { (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- 1. the server, in release -------------------------------------------------------
say "building partner_server (release)"
cargo build --release -p partner_server --quiet

mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.cpu "$OUT"/server.log
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-server.XXXXXX")

# ---- 2. a cluster with fsync on --------------------------------------------------------
# Left over from a run that was killed outright (no trap): stop and wipe it, so every
# run starts from the same fresh cluster with this run's settings. Only a folder that
# holds nothing but pg.sh's cluster (data/, log, socket) is wiped.
if [ -e "$PG_DIR" ]; then
  for entry in "$PG_DIR"/* "$PG_DIR"/.[!.]*; do
    [ -e "$entry" ] || continue
    case "${entry##*/}" in data | log | .s.PGSQL.*) ;; *) die "$PG_DIR holds ${entry##*/}: not a cluster folder of scripts/pg.sh, not removing it" ;; esac
  done
  say "removing a cluster left by an earlier run"
  scripts/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf -- "$PG_DIR"
fi
port_busy "$PG_PORT" && die "port $PG_PORT is in use by something else: not starting the benchmark cluster"
PG_OURS=yes
scripts/pg.sh start "$PG_DIR" "$PG_PORT" --fsync >/dev/null

export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER=postgres
psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
# The write figures mean something only if commits really wait for the disk.
[ "$(psql -d postgres -Atc 'SHOW fsync')" = on ] || die "fsync is off in $PG_DIR"
[ "$(psql -d postgres -Atc 'SHOW synchronous_commit')" = on ] || die "synchronous_commit is off in $PG_DIR"
psql -d postgres -c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS bench' \
  -c 'CREATE DATABASE bench'

# ---- 3. the demo, with exactly 200 customers for the partner -------------------------
say "seeding the demo"
DATABASE_URL="$DB_URL" "$SERVER" seed-demo >"$OUT/seed.txt"
# The sample generator gives the partner only a handful of customers; the list the issue
# measures has 200. The rest are copies of the first, each with its own UIN and name.
psql -d bench -v partner="$PARTNER" -v want="$CUSTOMERS" <<'SQL'
WITH have AS (SELECT count(*) AS n FROM records WHERE scope = :'partner' AND collection = 'customers'),
     model AS (SELECT data FROM records WHERE scope = :'partner' AND collection = 'customers' ORDER BY id LIMIT 1)
INSERT INTO records (scope, collection, id, rev, data, updated_at, updated_by)
SELECT :'partner', 'customers', u.uin, 1,
       jsonb_set(jsonb_set(model.data, '{uin}', to_jsonb(u.uin)),
                 '{name}', to_jsonb((model.data ->> 'name') || ' ' || k)),
       now(), 'bench'
FROM have, model, generate_series(1, :want - have.n) AS k,
     LATERAL (SELECT (100013000000 + k)::text AS uin) AS u
ON CONFLICT DO NOTHING;
SQL
customers=$(psql -d bench -Atc "SELECT count(*) FROM records WHERE scope = '$PARTNER' AND collection = 'customers'")
[ "$customers" -eq "$CUSTOMERS" ] || say "the partner has $customers customers, not $CUSTOMERS"

# ---- 4. the server, and two bearer tokens --------------------------------------------
port_busy 8093 && die "port 8093 is in use: is an earlier benchmark's server still running?"
mkdir "$TMP/dist"   # no app files: only /api is measured
say "starting the server on $BIND"
DATABASE_URL="$DB_URL" BIND="$BIND" DIST="$TMP/dist" "$SERVER" serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$API/session" || true)
  [ "$code" = 401 ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log" >&2; die "the server exited"; }
  [ "$i" -lt 100 ] || die "the server did not answer within 20 s"
  sleep 0.2
done

token() {
  curl -sf -X POST -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"bearer\":true}" "$API/sign-in" |
    jq -er .token
}
MAIN=$(token main@example.com) || die "signing in as main@example.com failed"
MANAGER=$(token manager@example.com) || die "signing in as manager@example.com failed"

# call METHOD PATH TOKEN [IF-MATCH] [BODY-FILE]: prints the body, then the status on a
# line of its own.
call() {
  local args=(-s -X "$1" -H "Authorization: Bearer $3" -w '\n%{http_code}')
  [ -z "${4:-}" ] || args+=(-H "If-Match: $4")
  [ -z "${5:-}" ] || args+=(-H 'Content-Type: application/json' --data-binary "@$5")
  curl "${args[@]}" "$API$2"
}
status_of() { tail -n 1 <<<"$1"; }
body_of() { sed '$d' <<<"$1"; }

# What a–d read and write, checked once before wrk, so a wrong path or body fails
# here with the server's answer rather than as a column of non-2xx.
r=$(call GET "/partners/$PARTNER/profiles/partner" "$MAIN")
[ "$(status_of "$r")" = 200 ] || die "GET profiles/partner: $r"
r=$(call GET "/partners/$PARTNER/customers" "$MAIN")
[ "$(status_of "$r")" = 200 ] || die "GET customers: $r"
listed=$(body_of "$r" | jq length)
list_bytes=$(body_of "$r" | wc -c)

# ---- 5c preparation: one pending sheet per connection --------------------------------
# A seeded sheet with everything done on it undone: issuing needs a pending, blank sheet
# with no history (settlement::judge::issue).
r=$(call GET "/partners/$PARTNER/settlements" "$MAIN")
[ "$(status_of "$r")" = 200 ] || die "GET settlements: $r"
body_of "$r" | jq -c '.[0].data | .state = "Pending" | .history = [] | .checked = []
  | .invoice = null | .paid_amount = null | .received_on = null | .corrected_on = null
  | .paid_on = null' >"$TMP/blank.json"
issue() {
  jq -c --arg id "$1" '{id: $id, rev: 0, data: (.id = $id)}' "$TMP/blank.json" >"$TMP/issue.json"
  local r
  r=$(call PUT "/partners/$PARTNER/settlements/$1" "$MANAGER" 0 "$TMP/issue.json")
  [ "$(status_of "$r")" = 201 ] || die "issuing sheet $1: $r"
  body_of "$r"
}
# settlement.lua gives each wrk thread one sheet more than its connections.
SHEETS_PER_THREAD=$((CONNS / THREADS + 1))
say "issuing $((SHEETS_PER_THREAD * THREADS)) pending sheets"
for k in $(seq $((SHEETS_PER_THREAD * THREADS))); do issue "bench-$k" >/dev/null; done
# The Lua script's two bodies: the sheet as issued, with the checklist empty and ticked.
issue bench-check | jq -c '.data | .id = "__ID__" | .checked = []' >"$TMP/sheet.json"
jq -c '.checked = ["PrintedAndStamped"]' "$TMP/sheet.json" >"$TMP/sheet-ticked.json"
# One tick and untick on a sheet wrk does not use: the writes wrk repeats are accepted.
for step in 1 2; do
  file=$TMP/sheet-ticked.json
  [ "$step" = 1 ] || file=$TMP/sheet.json
  jq -c --argjson rev "$step" '{id: "bench-check", rev: $rev, data: (.id = "bench-check")}' "$file" >"$TMP/tick.json"
  r=$(call PUT "/partners/$PARTNER/settlements/bench-check" "$MAIN" "$step" "$TMP/tick.json")
  [ "$(status_of "$r")" = 200 ] || die "ticking the checklist (step $step): $r"
done

# ---- 5d preparation: the 20,000-row chunks --------------------------------------------
node "$LUA/chunk.mjs" "$TMP" >/dev/null
rows_bytes=$(wc -c <"$TMP/rows.json")
cols_bytes=$(wc -c <"$TMP/columns.json")
# The server refuses a body over 3 MiB (BODY_LIMIT) before reading it.
[ "$rows_bytes" -lt $((3 * 1024 * 1024 - 100)) ] || die "rows.json is $rows_bytes bytes: over the server's body limit"
jq -c '{id: "chunk-check", rev: 0, data: .}' "$TMP/rows.json" >"$TMP/chunk.json"
r=$(call PUT "/partners/$PARTNER/statements/chunk-check" "$MANAGER" 0 "$TMP/chunk.json")
[ "$(status_of "$r")" = 201 ] || die "storing a statement chunk: $(status_of "$r") $(body_of "$r" | head -c 300)"

# ---- CPU accounting: where the time goes ------------------------------------------------
# Clock ticks used so far by the server, and by PostgreSQL (the postmaster, its live
# backends, and backends already gone, which the kernel adds to the postmaster's
# children's time), and the machine's busy and total ticks from /proc/stat.
PG_MAIN_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
cpu_snapshot() {
  local server=0 pg=0 pid f
  f=$(cut -d' ' -f14,15 "/proc/$SERVER_PID/stat" 2>/dev/null || echo "0 0")
  server=$(awk '{ print $1 + $2 }' <<<"$f")
  pg=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_MAIN_PID/stat")
  for pid in $(pgrep -P "$PG_MAIN_PID" || true); do
    f=$(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null || echo "0 0")
    pg=$((pg + $(awk '{ print $1 + $2 }' <<<"$f")))
  done
  # Process names never hold spaces here (partner_server, postgres), so fields 14–17
  # are where cut and awk count them.
  awk -v s="$server" -v p="$pg" '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; total = busy + $5 + $6; print s, p, busy, total; exit }' /proc/stat
}

# ---- 5/6. the runs -----------------------------------------------------------------------
WRK=(wrk -t "$THREADS" -c "$CONNS" -d "${SECONDS_EACH}s" --latency)
# CHILD_SECONDS: CPU seconds used so far by this shell's finished children (wrk is the
# only one that runs during a measurement). Called directly, never as $(…): `times` in
# a command substitution would report the subshell's own, empty, children.
CHILD_SECONDS=0
children_seconds() {
  times >"$TMP/times"
  CHILD_SECONDS=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }' "$TMP/times")
}
# run_wrk NAME ARGS…: wrk's full output to OUT/NAME.txt, CPU use to OUT/NAME.cpu:
# ticks of the server, PostgreSQL, the machine (busy, total) before and after, and
# wrk's own CPU seconds.
run_wrk() {
  local name="$1" before after wrk0 wrk1
  shift
  say "wrk: $name"
  # The snapshots run outside the wrk0…wrk1 window: their own processes are this
  # shell's children too.
  before=$(cpu_snapshot)
  children_seconds
  wrk0=$CHILD_SECONDS
  "$@" >"$OUT/$name.txt" 2>&1 || { cat "$OUT/$name.txt" >&2; die "wrk failed in $name"; }
  children_seconds
  wrk1=$CHILD_SECONDS
  after=$(cpu_snapshot)
  echo "$before $after $(awk -v a="$wrk0" -v b="$wrk1" 'BEGIN { print b - a }')" >"$OUT/$name.cpu"
}
# run_pgbench NAME SCRIPT: the ceiling, same clients and threads, prepared statements
# over TCP like the server's pool.
run_pgbench() {
  say "pgbench: $1"
  "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -c "$CONNS" -j "$THREADS" -T "$SECONDS_EACH" -D partner="$PARTNER" \
    -f "$LUA/$2" bench >"$OUT/pgbench-$1.txt" 2>&1 || { cat "$OUT/pgbench-$1.txt" >&2; die "pgbench failed in $1"; }
}

# The server's pool opens its connections lazily: a short run first, so the measured
# runs do not include connecting.
wrk -t "$THREADS" -c "$CONNS" -d 3s -H "Authorization: Bearer $MAIN" "$API/partners/$PARTNER/customers" >"$OUT/warm-up.txt" 2>&1

run_wrk a-record "${WRK[@]}" -H "Authorization: Bearer $MAIN" "$API/partners/$PARTNER/profiles/partner"
run_pgbench a-record pg-record.sql
run_wrk b-customers "${WRK[@]}" -H "Authorization: Bearer $MAIN" "$API/partners/$PARTNER/customers"
run_pgbench b-customers pg-customers.sql
BENCH_TOKEN=$MAIN BENCH_PARTNER=$PARTNER BENCH_PER_THREAD=$SHEETS_PER_THREAD \
  BENCH_SHEET="$TMP/sheet.json" BENCH_SHEET_TICKED="$TMP/sheet-ticked.json" \
  run_wrk c-settlement "${WRK[@]}" -s "$LUA/settlement.lua" "$BASE/"
run_pgbench c-settlement pg-guarded.sql
# Tens a second at most: two connections keep the server busy without queueing.
CHUNK_WRK=(wrk -t 2 -c 2 -d "${SECONDS_EACH}s" --latency -s "$LUA/statement.lua")
BENCH_TOKEN=$MANAGER BENCH_PARTNER=$PARTNER BENCH_CHUNK="$TMP/rows.json" BENCH_PREFIX=rows \
  run_wrk d-chunk "${CHUNK_WRK[@]}" "$BASE/"
BENCH_TOKEN=$MANAGER BENCH_PARTNER=$PARTNER BENCH_CHUNK="$TMP/columns.json" BENCH_PREFIX=columns \
  run_wrk d2-chunk-app-form "${CHUNK_WRK[@]}" "$BASE/"

# The checklist writes committed (one audit line each, pgbench's own lines left out):
# at least every 200 wrk counted, plus at most one in flight per connection at the end.
c_audit=$(psql -d bench -Atc "SELECT count(*) FROM audit WHERE scope = '$PARTNER' AND record_id LIKE 'bench-%' AND record_id <> 'bench-check' AND event = 'checklist' AND actor <> 'pgbench'")

# ---- 7. the table ------------------------------------------------------------------------
# wrk_figures FILE: requests/s, p50 and p99 in ms, non-2xx, socket errors, and the Lua
# script's count of successes per second (or requests/s when there is no script).
wrk_figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000
      if (v ~ /s$/) return v * 1000
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^ *Non-2xx or 3xx responses:/ { non2xx = $NF }
    /^ *Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    /^bench: ok/ { ok = $7; okn = $3 }
    END {
      if (ok == "") ok = rps
      printf "%s %.2f %.2f %d %d %s\n", ok, p50, p99, non2xx, errors, (okn == "" ? "-" : okn)
    }' "$1"
}
# pgbench_figures FILE: tps and average latency in ms.
pgbench_figures() {
  awk '/^tps = / { tps = $3 } /^latency average = / { lat = $4 } END { printf "%.0f %.2f\n", tps, lat }' "$1"
}
# cpu_figures NAME: CPU over the run in % of one core: the server, PostgreSQL, wrk, and
# everything else on the machine (another job's load shows here and makes the run's
# figures low).
cpu_figures() {
  # The wall time between the snapshots, from /proc/stat's total (all cores' ticks).
  awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '{
    secs = ($8 - $4) / hz / cores
    if (secs <= 0) secs = 1
    server = ($5 - $1) / hz / secs * 100
    pg = ($6 - $2) / hz / secs * 100
    wrk = $9 / secs * 100
    other = ($7 - $3) / hz / secs * 100 - server - pg - wrk
    printf "%.0f %.0f %.0f %.0f\n", server, pg, wrk, (other < 0 ? 0 : other)
  }' "$OUT/$1.cpu"
}

# row KEY LABEL NAME MIN_RPS MAX_P99 TARGET_TEXT [PGBENCH_NAME]. d2 is informational:
# the issue's target is d's, so d2 stays out of the met / not met lists.
MET=() NOT_MET=() BUSY_ELSEWHERE=()
row() {
  local key="$1" label="$2" name="$3" min_rps="$4" max_p99="$5" target="$6" pgname="${7:-}"
  local rps p50 p99 non2xx errors verdict ceiling="" cpu
  read -r rps p50 p99 non2xx errors _ < <(wrk_figures "$OUT/$name.txt")
  verdict=$(awk -v r="$rps" -v p="$p99" -v mr="$min_rps" -v mp="$max_p99" \
    'BEGIN { print (r >= mr && (mp == "" || p <= mp)) ? "met" : "NOT met" }')
  if [ "$key" = d2 ]; then
    verdict="($verdict)"
  elif [ "$verdict" = met ]; then
    MET+=("$key")
  else
    NOT_MET+=("$key")
  fi
  if [ -n "$pgname" ]; then
    read -r tps lat < <(pgbench_figures "$OUT/pgbench-$pgname.txt")
    ceiling=$(printf '%7s tps %6s ms' "$tps" "$lat")
  fi
  read -r cs cp cw co < <(cpu_figures "$name")
  cpu=$(printf '%4s %4s %4s %4s' "$cs" "$cp" "$cw" "$co")
  [ "$co" -lt 25 ] || BUSY_ELSEWHERE+=("$key")
  printf '%-28s %9.1f %7.2f %8.2f  %-22s %-8s %5s/%-3s  %-20s %s\n' \
    "$label" "$rps" "$p50" "$p99" "$target" "$verdict" "$non2xx" "$errors" "$ceiling" "$cpu"
}

{
  echo
  echo "Partner server under wrk ($THREADS threads, $CONNS connections, ${SECONDS_EACH} s each; chunks: 2 connections),"
  echo "PostgreSQL 15 with fsync on, $(nproc) cores shared by wrk, the server and PostgreSQL."
  echo "p50/p99 from wrk's latency distribution; pgbench: the same SQL alone (no HTTP, no session lookup)."
  echo
  printf '%-28s %9s %7s %8s  %-22s %-8s %9s  %-20s %s\n' \
    benchmark 'req/s' 'p50 ms' 'p99 ms' target verdict 'non2xx/err' 'pgbench ceiling' 'CPU %: srv   pg  wrk other'
  printf '%0.s-' $(seq 150)
  echo
  # ASCII only in the table: printf pads by bytes, not characters.
  row a "a. one record" a-record 2000 10 ">= 2000/s, p99 <= 10ms" a-record
  row b "b. $listed customers" b-customers 800 25 ">= 800/s, p99 <= 25ms" b-customers
  row c "c. guarded settlement" c-settlement 300 50 ">= 300/s, p99 <= 50ms" c-settlement
  row d "d. 20k-row chunk ($((rows_bytes / 1000)) kB)" d-chunk 15 "" ">= 15/s"
  row d2 "d2 app's form ($((cols_bytes / 1000)) kB)" d2-chunk-app-form 15 "" ">= 15/s"
  echo
  read -r _ _ _ _ _ c_ok < <(wrk_figures "$OUT/c-settlement.txt")
  echo "c counts only 200s: $c_ok checklist writes answered 200 within the run; $c_audit were committed"
  if [ "$c_audit" -lt "$c_ok" ] || [ "$c_audit" -gt $((c_ok + CONNS)) ]; then
    echo "  WRONG: the audit log should hold every 200 and at most $CONNS writes in flight at the end."
  else
    echo "  (audit lines; the rest were in flight when wrk stopped, at most one per connection)."
  fi
  echo "CPU in % of one core over each run (the machine has $(nproc) cores); 'other' is load from"
  echo "  outside this benchmark.${BUSY_ELSEWHERE[*]:+ Busy with other work during: ${BUSY_ELSEWHERE[*]} (figures understated).}"
  echo "b answers $list_bytes bytes per request. Met: ${MET[*]:-none}. Not met: ${NOT_MET[*]:-none}."
  echo "Raw outputs: target/bench-server/*.txt"
} | tee "$OUT/summary.txt"
