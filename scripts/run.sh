#!/usr/bin/env bash
# Starts the whole platform for local development: installs PostgreSQL 15 and RabbitMQ from Debian
# packages when missing, builds the solution, and runs the Aspire AppHost, which starts PostgreSQL,
# RabbitMQ (with its own epmd), the seven services and the gateway. Ctrl+C stops everything.
#
#   ./scripts/run.sh
#
# Data lives in .local/dev (git-ignored) and survives restarts; delete the folder for a clean start.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=lib/infra.sh
source scripts/lib/infra.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
infra_require_root
ensure_packages

dotnet build InventoryPlatform.sln -c Debug --nologo -v minimal

# The dashboard without a developer certificate or login token, at a fixed address.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
export ASPNETCORE_URLS=http://127.0.0.1:18888
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:18890
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:18891

cat <<'URLS'

  Aspire dashboard:  http://127.0.0.1:18888
  Partner gateway:   http://localhost:5080    (e.g. curl http://localhost:5080/health)
  PostgreSQL:        127.0.0.1:55432 (user postgres, database inventory)
  RabbitMQ:          amqp://127.0.0.1:55672, management http://127.0.0.1:55673 (guest/guest)

  Starting... the dashboard shows every resource turning healthy. Ctrl+C stops the platform.

URLS
exec dotnet run --project aspire/InventoryPlatform.AppHost --no-build --no-launch-profile
