#!/usr/bin/env bash
# Rewrites the OpenAPI documents the client's models are generated from (shared/InventoryPlatform.Client/OpenApi/*.json)
# with what each service serves now: OpenApiDocumentSpecs, run with INVENTORY_OPENAPI_REFRESH=1 against a PostgreSQL and
# RabbitMQ of its own (scripts/test-infra.sh; set INVENTORY_TEST_PORT_OFFSET to run beside another suite). Rebuild the
# client afterwards, and commit the documents with the API change that moved them.
set -euo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

offset=${INVENTORY_TEST_PORT_OFFSET:-0}
env_file=".local/test-infra$([[ $offset == 0 ]] || echo "-$offset")/test.env"
if [[ ! -f $env_file ]]; then
  scripts/test-infra.sh start
  trap 'scripts/test-infra.sh stop || true' EXIT
fi
# shellcheck source=/dev/null
source "$env_file"

dotnet build tests/InventoryPlatform.IntegrationTests -c Release --nologo -v minimal
INVENTORY_OPENAPI_REFRESH=1 dotnet test tests/InventoryPlatform.IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~OpenApiDocumentSpecs"
git status --short -- shared/InventoryPlatform.Client/OpenApi
