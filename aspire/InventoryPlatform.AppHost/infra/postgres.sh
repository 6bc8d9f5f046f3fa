#!/usr/bin/env bash
# PostgreSQL 15 for local development, run by the Aspire AppHost as an
# executable resource:  postgres.sh DATA_DIR PORT
#
# Creates the cluster on first run (data persists under the git-ignored
# .local/), runs the server as a child of this script, creates the
# `inventory` database once the server is up, then waits for it. SIGTERM /
# SIGINT from Aspire are forwarded as a *fast* shutdown (SIGINT to postgres):
# a SIGTERM "smart" shutdown would wait for every pooled client connection.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -- "$SCRIPT_DIR/../../.." && pwd)
# shellcheck source-path=SCRIPTDIR/../../.. source=scripts/lib/infra.sh
source "$REPO/scripts/lib/infra.sh"

DB_NAME=inventory

if (( $# != 2 )); then
  echo "usage: $0 DATA_DIR PORT" >&2
  exit 2
fi
DATA_DIR=$(infra_abspath "$1")
PORT=$2

infra_require_root
ensure_packages
pg_init "$DATA_DIR"

# A postmaster.pid left by a killed run is normally handled by postgres
# itself, unless its PID now belongs to an unrelated process (postgres would
# then refuse to start). Another live postgres on this dir is a real error.
if old=$(infra_read_pid "$DATA_DIR/postmaster.pid" 2>/dev/null) && [[ -n $old ]]; then
  if infra_pid_alive "$old" && [[ $(cat "/proc/$old/comm" 2>/dev/null) == postgres ]]; then
    infra_err "postgres (pid $old) is already running on $DATA_DIR"
    exit 1
  fi
  if infra_pid_alive "$old"; then
    infra_log "removing stale $DATA_DIR/postmaster.pid (pid $old is not postgres)"
    rm -f -- "$DATA_DIR/postmaster.pid"
  fi
fi
infra_require_port_free "$PORT" postgres

SOCK_DIR=$(infra_pg_sockdir "$DATA_DIR")

# --pdeathsig: if this script is SIGKILLed, postgres still gets a fast
# shutdown instead of being orphaned.
cd /
setpriv --reuid=postgres --regid=postgres --init-groups --pdeathsig INT -- \
  "$INFRA_PG_BIN/postgres" -D "$DATA_DIR" -p "$PORT" -k "$SOCK_DIR" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 &
PG_PID=$!

# shellcheck disable=SC2317 # invoked by trap
stop_postgres() { kill -INT "$PG_PID" 2>/dev/null || true; }
trap stop_postgres TERM INT HUP

# Wait until the server accepts connections (or dies).
until "$INFRA_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres; do
  infra_pid_alive "$PG_PID" || break
  sleep 0.2
done

if infra_pid_alive "$PG_PID"; then
  psql_q() { "$INFRA_PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tA "$@"; }
  if [[ $(psql_q -c "select 1 from pg_database where datname = '$DB_NAME'") != 1 ]]; then
    if "$INFRA_PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB_NAME"; then
      infra_log "created database $DB_NAME"
    else
      infra_err "could not create database $DB_NAME (server keeps running)"
    fi
  fi
  infra_log "postgres ready: Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DB_NAME"
fi

# `wait` returns early when a trapped signal arrives; keep waiting until the
# server has really exited, then exit with its status.
while infra_pid_alive "$PG_PID"; do wait "$PG_PID" || true; done
rc=0
wait "$PG_PID" || rc=$?
exit "$rc"
