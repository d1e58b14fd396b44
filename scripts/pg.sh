#!/usr/bin/env bash
# A PostgreSQL 15 cluster in a folder of its own, for tests, benchmarks and the demo
# server. It never touches the system's clusters (/etc/postgresql, port 5432).
#
#   scripts/pg.sh run DIR PORT -- COMMAND...   throwaway cluster around one command:
#       DIR is wiped, a fresh cluster started, COMMAND run with DATABASE_URL, PG_DIR
#       and PG_PORT exported, then the cluster stopped and DIR removed whatever
#       happens (failure, Ctrl-C). Exits with COMMAND's exit code.
#   scripts/pg.sh start DIR PORT [--fsync]     persistent cluster: initdb once, start if
#       not running, print its DATABASE_URL. Without --fsync durability is off (fast
#       tests); with it, on (benchmarks and the demo server measure the real thing).
#   scripts/pg.sh stop DIR                     stop it if it runs.
#   scripts/pg.sh restart DIR                  fast restart (tests simulate an outage).
#
# Everything is kept in DIR/data/postgresql.conf, never passed with `pg_ctl -o`: options
# given that way are lost by a later plain start/restart (it came back on 5432).
# The server's log goes to DIR/log.
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
# Marks the block of settings this script owns inside postgresql.conf, so a later
# `start` can replace it instead of piling up copies.
MARK_BEGIN='# --- settings written by scripts/pg.sh (begin) ---'
MARK_END='# --- settings written by scripts/pg.sh (end) ---'

say() { printf '\033[1;34m[pg]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[pg]\033[0m %s\n' "$*" >&2; exit 2; }

usage() {
  echo 'usage:' >&2
  sed -n '5,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# initdb and the server refuse to run as root, so as root they run as the postgres
# user; a non-root developer runs them as themself. `cd /` first: postgres may not
# be allowed into the caller's working directory, and initdb complains about that.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

[ -x "$BIN/initdb" ] || die "$BIN/initdb not found: run scripts/setup.sh test (installs postgresql-15)"

# DIR is made absolute (pg_ctl and the socket setting need that) and checked: it goes
# into a quoted setting, and a Unix socket path may be at most 107 bytes long.
abs_dir() {
  local dir="$1"
  [ -n "$dir" ] || die "DIR must not be empty"
  dir=$(realpath -m -- "$dir")
  [ "$dir" != / ] || die "DIR must not be /"
  case "$dir" in *"'"* | *\\*) die "DIR must not contain quotes or backslashes: $dir" ;; esac
  printf '%s\n' "$dir"
}

check_port() {
  local port="$1"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    die "PORT must be a number from 1 to 65535, not '$port'"
  fi
}

check_socket_len() {
  local sock="$1/.s.PGSQL.$2"
  [ "${#sock}" -le 107 ] || die "DIR is too long for a Unix socket path ($sock): use a shorter one"
}

# Fails early with a clear message rather than leaving the reason buried in DIR/log.
port_free() {
  local port="$1"
  if (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port on 127.0.0.1 is already in use (another cluster or server?): pick another PORT"
  fi
}

# Rewrites this script's block at the end of postgresql.conf (later lines win over
# the defaults initdb wrote above them). The file is only touched when the block
# changes, so a repeated `start` is a no-op; SETTINGS_CHANGED tells the caller which.
# Written in place with `cat >` so the file keeps its owner (postgres).
SETTINGS_CHANGED=no
write_settings() {
  local dir="$1" port="$2" durable="$3" conf="$1/data/postgresql.conf" new
  local fsync=off sync_commit=off fpw=off
  if [ "$durable" = yes ]; then fsync=on sync_commit=on fpw=on; fi
  [ -f "$conf" ] || die "$conf is missing: is $dir/data a cluster?"
  new=$(mktemp)
  # awk compares whole lines, so the markers need no escaping.
  awk -v b="$MARK_BEGIN" -v e="$MARK_END" \
    '$0 == b { skip = 1 } !skip { print } $0 == e { skip = 0 }' "$conf" >"$new"
  printf '%s\n' "$MARK_BEGIN" \
    "port = $port" \
    "listen_addresses = '127.0.0.1'" \
    "unix_socket_directories = '$dir'" \
    "fsync = $fsync" \
    "synchronous_commit = $sync_commit" \
    "full_page_writes = $fpw" \
    "max_connections = 200" \
    "$MARK_END" >>"$new"
  if cmp -s "$new" "$conf"; then
    SETTINGS_CHANGED=no
  else
    cat "$new" >"$conf"
    SETTINGS_CHANGED=yes
  fi
  rm -f "$new"
}

init_cluster() {
  local dir="$1"
  # --no-sync: a cluster that can be thrown away need not wait for the disk here.
  as_pg "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
}

is_running() {
  # pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
  [ -d "$1/data" ] && as_pg "$BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

start_cluster() {
  local dir="$1"
  if ! as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null; then
    printf '\033[1;31m[pg]\033[0m the server did not start; end of %s:\n' "$dir/log" >&2
    tail -n 20 "$dir/log" >&2 2>/dev/null || true
    exit 2
  fi
}

url() { printf 'postgres://postgres@127.0.0.1:%s/postgres\n' "$1"; }

# Refuse to wipe a folder that holds anything but an earlier cluster of this script
# (data/ and log): a mistyped DIR must not cost someone their files.
check_wipeable() {
  local dir="$1" entry name
  [ -e "$dir" ] || return 0
  [ -d "$dir" ] || die "$dir exists and is not a folder: not removing it"
  shopt -s nullglob dotglob
  for entry in "$dir"/*; do
    name=${entry##*/}
    case "$name" in
      data | log | .s.PGSQL.*) ;;
      *) die "$dir holds $name, so it is not a cluster folder of this script: not removing it" ;;
    esac
  done
  shopt -u nullglob dotglob
}

cmd_run() {
  if [ "$#" -lt 4 ] || [ "$3" != -- ]; then usage; fi
  local dir port
  dir=$(abs_dir "$1")
  port="$2"
  shift 3
  check_port "$port"
  check_socket_len "$dir" "$port"
  check_wipeable "$dir"
  # A cluster left running in DIR by an interrupted run is stopped before DIR goes.
  if is_running "$dir"; then
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  port_free "$port"
  rm -rf -- "$dir"

  # From here on DIR is ours: the trap stops the server and removes DIR on any exit.
  # Without the INT/TERM traps a signal would still run the EXIT trap, but these
  # make the exit code the usual 128+signal.
  PG_RUN_DIR="$dir"
  trap cleanup_run EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  mkdir -p -- "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  init_cluster "$dir"
  write_settings "$dir" "$port" no
  start_cluster "$dir"

  export DATABASE_URL PG_DIR="$dir" PG_PORT="$port"
  DATABASE_URL=$(url "$port")
  # The same cluster for libpq's defaults, so a bare `psql` in COMMAND reaches it too
  # (and so does `psql "$DATABASE_URL"` typed unquoted at a prompt, where the caller's
  # shell expands the variable, empty, before this script ever sets it).
  export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres PGDATABASE=postgres
  local rc=0
  "$@" || rc=$?
  exit "$rc"
}

# Runs from the EXIT trap: nothing in it may fail (set -e would cut it short), and
# `exit` is not called, so the script keeps the exit code it was leaving with.
cleanup_run() {
  local dir="$PG_RUN_DIR"
  trap - INT TERM
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
      as_pg "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir" || true
}

cmd_start() {
  [ "$#" -eq 2 ] || [ "$#" -eq 3 ] || usage
  local dir port durable=no
  dir=$(abs_dir "$1")
  port="$2"
  if [ "$#" -eq 3 ]; then
    [ "$3" = --fsync ] || usage
    durable=yes
  fi
  check_port "$port"
  check_socket_len "$dir" "$port"

  # Checked before anything is created, so a busy port leaves no half-made cluster.
  local running=no
  if is_running "$dir"; then running=yes; else port_free "$port"; fi

  mkdir -p -- "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  if [ ! -d "$dir/data" ]; then
    say "creating a cluster in $dir/data"
    init_cluster "$dir"
  fi
  write_settings "$dir" "$port" "$durable"

  if [ "$running" = yes ]; then
    # Port and socket changes need a restart; fsync and the like would need a reload.
    # Neither is done behind the caller's back: a running server is left alone.
    if [ "$SETTINGS_CHANGED" = yes ]; then
      say "already running; settings changed in postgresql.conf take effect after: scripts/pg.sh restart $dir"
    else
      say "already running"
    fi
  else
    start_cluster "$dir"
    say "started on 127.0.0.1:$port (fsync $([ "$durable" = yes ] && echo on || echo off)), log in $dir/log"
  fi
  url "$port"
}

cmd_stop() {
  [ "$#" -eq 1 ] || usage
  local dir
  dir=$(abs_dir "$1")
  if is_running "$dir"; then
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

cmd_restart() {
  [ "$#" -eq 1 ] || usage
  local dir
  dir=$(abs_dir "$1")
  [ -f "$dir/data/PG_VERSION" ] || die "no cluster in $dir/data: create it with scripts/pg.sh start $dir PORT"
  # -l again: the restarted server must keep logging to DIR/log.
  if ! as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -m fast -w restart >/dev/null; then
    printf '\033[1;31m[pg]\033[0m the server did not restart; end of %s:\n' "$dir/log" >&2
    tail -n 20 "$dir/log" >&2 2>/dev/null || true
    exit 2
  fi
  say "restarted"
}

[ "$#" -ge 1 ] || usage
sub="$1"
shift
case "$sub" in
  run) cmd_run "$@" ;;
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  restart) cmd_restart "$@" ;;
  *) usage ;;
esac
