#!/usr/bin/env bash
# Erlang port mapper for the dev RabbitMQ node, run by the Aspire AppHost as
# its own executable resource:  epmd.sh PORT
#
# Runs in the foreground (exec) so Aspire owns the process and SIGTERM stops
# it. Without it, the first Erlang VM would spawn `epmd -daemon` on its own,
# which outlives the AppHost. rabbitmq.sh waits for this port.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -- "$SCRIPT_DIR/../../.." && pwd)
# shellcheck source-path=SCRIPTDIR/../../.. source=scripts/lib/infra.sh
source "$REPO/scripts/lib/infra.sh"

if (( $# != 1 )); then
  echo "usage: $0 PORT" >&2
  exit 2
fi
PORT=$1

ensure_packages   # epmd ships with erlang-base, a rabbitmq-server dependency
infra_require_port_free "$PORT" epmd
infra_log "epmd listening on 127.0.0.1:$PORT"
exec epmd -port "$PORT" -address 127.0.0.1
