#!/usr/bin/env bash
# Opt-in check (too slow for the test suite): every service and the gateway publishes, and its container
# settings are the ones the Kubernetes and compose files rely on: repository inventoryplatform/<name>,
# a chiselled .NET base image, a non-root user, HTTP on 8080. Needs jq. Usage: scripts/check-publish.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/images.sh
command -v jq > /dev/null || { echo "check-publish: jq is required" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }
started=$SECONDS

for entry in "${PLATFORM_IMAGES[@]}"; do
  read -r name project <<< "$entry"
  assembly=$(basename "$project" .csproj)
  echo "==> $name: dotnet publish $project"
  if ! dotnet publish "$project" -c Release --os linux --arch x64 -o "$out/$name" -v quiet -nologo > "$out/$name.log" 2>&1; then
    cat "$out/$name.log"; fail "$name" "dotnet publish failed"; continue
  fi
  [[ -f $out/$name/$assembly.dll ]] || fail "$name" "no $assembly.dll in the publish output"

  settings=$(dotnet msbuild "$project" -p:Configuration=Release -getProperty:ContainerRepository -getProperty:ContainerBaseImage \
    -getProperty:ContainerUser -getProperty:ContainerHttpPort -getItem:ContainerPort -getItem:ContainerEnvironmentVariable)
  repository=$(jq -r '.Properties.ContainerRepository' <<< "$settings")
  base=$(jq -r '.Properties.ContainerBaseImage' <<< "$settings")
  user=$(jq -r '.Properties.ContainerUser' <<< "$settings")
  ports=$(jq -r '[.Items.ContainerPort[].Identity] | join(",")' <<< "$settings")
  http_ports=$(jq -r '.Items.ContainerEnvironmentVariable[] | select(.Identity == "ASPNETCORE_HTTP_PORTS") | .Value' <<< "$settings")

  [[ $repository == "inventoryplatform/$name" ]] || fail "$name" "ContainerRepository is '$repository'"
  [[ $base == mcr.microsoft.com/dotnet/aspnet:10.0-*chiseled* ]] || fail "$name" "base image '$base' is not a chiselled .NET 10 image"
  [[ -n $user && $user != 0 && $user != root ]] || fail "$name" "ContainerUser '$user' is not a non-root user"
  [[ $ports == 8080 ]] || fail "$name" "ContainerPort is '$ports', not 8080"
  [[ $http_ports == 8080 ]] || fail "$name" "ASPNETCORE_HTTP_PORTS is '$http_ports', not 8080"
  grep -rqs "image: inventoryplatform/$name\$" deploy/k8s/base || fail "$name" "no Kubernetes workload uses inventoryplatform/$name"
  grep -qs "inventoryplatform/$name:" deploy/compose/docker-compose.yml || fail "$name" "the compose file does not use inventoryplatform/$name"
  echo "    $repository, $base, user $user, port $ports"
done

echo "check-publish: ${#PLATFORM_IMAGES[@]} projects, $failures failure(s), $((SECONDS - started)) s"
[[ $failures -eq 0 ]]
