#!/usr/bin/env bash
# Runs every test of the platform: unit tests, and integration tests against one real PostgreSQL and
# one real RabbitMQ that this script installs (Debian packages, if missing) and starts for the run.
#
#   ./scripts/test.sh                 everything
#   ./scripts/test.sh --filter X      passed on to dotnet test (e.g. --filter FullyQualifiedName~Outbox)
#
# SQL Server: set SQLSERVER_CONNECTION_STRING to run the integration suite against it as well.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
started=$(date +%s)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/test-infra.sh start
trap 'scripts/test-infra.sh stop || true' EXIT
# test-infra.sh keeps a run with INVENTORY_TEST_PORT_OFFSET (not 0) in .local/test-infra-<offset>.
offset=${INVENTORY_TEST_PORT_OFFSET:-0}
# shellcheck source=/dev/null
source ".local/test-infra$([[ $offset == 0 ]] || echo "-$offset")/test.env"

dotnet build InventoryPlatform.sln -c Release --nologo -v minimal

log=$(mktemp)
set +e
# A test that hangs fails the run after 8 minutes (with a dump) instead of holding CI until its time limit.
dotnet test InventoryPlatform.sln -c Release --no-build --nologo --blame-hang-timeout 8m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1);
      if ($i == "Passed:") passed += $(i + 1);
      if ($i == "Skipped:") skipped += $(i + 1);
    }
  }
  END { printf "Total: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
# Each failure's name and message again at the very end, where a truncated CI log still shows them.
awk '
  /^ +Failed [^!]/ { capturing = 1; lines = 0; print "---"; }
  capturing && /^ +(Stack Trace|Standard Output Messages):/ { capturing = 0; }
  capturing && lines < 25 { print; lines++; }
' "$log" | sed '1s/^/Failures, repeated:\n/'
rm -f "$log"
echo "Test run took $(( $(date +%s) - started )) s."
exit "$status"
