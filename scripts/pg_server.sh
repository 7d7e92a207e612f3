#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, on 127.0.0.1 with its own data folder.
#
#   bash scripts/pg_server.sh start DIR [PORT]   # prints the server's URL on stdout
#   bash scripts/pg_server.sh stop DIR           # stops it by the PID in DIR/data/postmaster.pid
#
# Uses Debian's postgresql (/usr/lib/postgresql/<version>/bin). As root, the server runs as
# the `postgres` user (PostgreSQL refuses to run as root). Password authentication on TCP
# (scram-sha-256) for the superuser `atlas`, so the tests can check a refused password.
set -euo pipefail
cmd=${1:?usage: pg_server.sh start|stop DIR [PORT]}
dir=$(realpath -m "${2:?usage: pg_server.sh start|stop DIR [PORT]}")
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg_server.sh: no PostgreSQL server installed (apt-get install -y postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      echo "atlas-test" > "$dir/pwfile"
      [ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
      as_owner "'$bin/initdb' -D '$dir/data' -U atlas --pwfile='$dir/pwfile' \
        --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log"
    fi
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
    echo "postgresql+psycopg://atlas:atlas-test@127.0.0.1:$port/postgres"
    ;;
  stop)
    pidfile="$dir/data/postmaster.pid"
    if [ -f "$pidfile" ]; then
      pid=$(head -1 "$pidfile")
      kill -INT "$pid" 2>/dev/null || true   # fast shutdown, by PID
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    ;;
  *) echo "usage: pg_server.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
