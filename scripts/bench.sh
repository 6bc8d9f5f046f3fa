#!/usr/bin/env bash
# Runs one benchmark against the whole platform (AppHost) on a real PostgreSQL and RabbitMQ that this
# script starts (port offset 500, so it never touches a test run's servers). Prints Markdown tables.
#
#   ./scripts/bench.sh                 lists the benchmarks
#   ./scripts/bench.sh <name> [--duration SECONDS] [...]
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export INVENTORY_TEST_PORT_OFFSET=${INVENTORY_TEST_PORT_OFFSET:-500}

dotnet build InventoryPlatform.sln -c Release --nologo -v quiet
if [[ $# -eq 0 ]]; then
  exec dotnet run -c Release --no-build --project tests/InventoryPlatform.Benchmarks
fi

scripts/test-infra.sh start
trap 'scripts/test-infra.sh stop || true' EXIT
# shellcheck source=/dev/null
source ".local/test-infra-$INVENTORY_TEST_PORT_OFFSET/test.env"
dotnet run -c Release --no-build --project tests/InventoryPlatform.Benchmarks -- "$@"
