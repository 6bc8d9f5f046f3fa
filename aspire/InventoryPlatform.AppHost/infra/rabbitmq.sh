#!/usr/bin/env bash
# shellcheck disable=SC1091 # sources rabbit.env generated at run time
# RabbitMQ (with the management plugin) for local development, run by the
# Aspire AppHost as an executable resource:
#   rabbitmq.sh DATA_DIR AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT
#
# Isolated node `inventory-dev@localhost` whose config, cookie, mnesia data
# and logs live in DATA_DIR (persisted between runs). epmd is a separate
# Aspire resource (epmd.sh): this script only points the node at it
# (ERL_EPMD_PORT) and waits for it. Logs go to stdout for the dashboard.
# SIGTERM/SIGINT shut the node down gracefully.
# From a shell: source scripts/lib/infra.sh; rabbit_ctl DATA_DIR status
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -- "$SCRIPT_DIR/../../.." && pwd)
# shellcheck source-path=SCRIPTDIR/../../.. source=scripts/lib/infra.sh
source "$REPO/scripts/lib/infra.sh"

NODE_NAME=inventory-dev

if (( $# != 5 )); then
  echo "usage: $0 DATA_DIR AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT" >&2
  exit 2
fi
DATA_DIR=$(infra_abspath "$1")
AMQP_PORT=$2 MGMT_PORT=$3 DIST_PORT=$4 EPMD_PORT=$5

ensure_packages
infra_require_port_free "$AMQP_PORT" "rabbitmq amqp"
infra_require_port_free "$MGMT_PORT" "rabbitmq management"
infra_require_port_free "$DIST_PORT" "rabbitmq distribution"
rabbit_prepare "$DATA_DIR" "$NODE_NAME" "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT" "$EPMD_PORT"

# Aspire may start us before epmd.sh is listening. Starting the node without
# it would make Erlang spawn its own `epmd -daemon` (which outlives us and
# then blocks epmd.sh's port), so wait for it instead.
deadline=$((SECONDS + 60))
until infra_epmd_up "$EPMD_PORT"; do
  if (( SECONDS >= deadline )); then
    infra_err "epmd is not listening on 127.0.0.1:$EPMD_PORT (start epmd.sh first)"
    exit 1
  fi
  sleep 0.2
done

# The rabbitmq-server wrapper runs the VM as its child and turns SIGTERM into
# a graceful shutdown. --pdeathsig: if this script is SIGKILLed, the wrapper
# still gets SIGTERM instead of leaving an orphaned node.
set -a; . "$DATA_DIR/rabbit.env"; set +a
export RABBITMQ_LOGS=-   # log to stdout (Aspire dashboard) instead of a file
cd "$DATA_DIR"
setpriv --pdeathsig TERM -- "$INFRA_RABBIT_BIN/rabbitmq-server" </dev/null &
NODE_PID=$!

# shellcheck disable=SC2317 # invoked by trap
stop_node() {
  # Skip RabbitMQ 3.10's ~5s shutdown stall (see infra.sh), then stop. The
  # CLI does not need epmd, so this works even if Aspire stopped it first.
  infra_pid_alive "$(infra_read_pid "$DATA_DIR/rabbit.pid" 2>/dev/null || true)" &&
    rabbit_detach_mgmt_handler "$DATA_DIR"
  kill -TERM "$NODE_PID" 2>/dev/null || true
}
trap stop_node TERM INT HUP

# `wait` returns early when a trapped signal arrives; keep waiting until the
# node has really exited, then exit with its status.
while infra_pid_alive "$NODE_PID"; do wait "$NODE_PID" || true; done
rc=0
wait "$NODE_PID" || rc=$?
exit "$rc"
