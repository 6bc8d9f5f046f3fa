#!/usr/bin/env bash
# Opt-in check (too slow for the test suite): every service and the gateway publishes, and its container
# settings are the ones the Kubernetes and compose files rely on: repository inventoryplatform/<name>,
# a chiselled .NET base image, a non-root user, HTTP on 8080, and the files the image must carry (native libraries,
# embedded resources) are in the publish output. Needs jq. Usage: scripts/check-publish.sh [name ...] (e.g. forecasting)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/images.sh
command -v jq > /dev/null || { echo "check-publish: jq is required" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
only=" $* "
# Per image: files the publish output must hold ("file:NAME") and resources the main assembly must embed ("resource:NAME").
declare -A NEEDED=(
  [forecasting]="file:lib_lightgbm.so file:libSkiaSharp.so resource:InventoryPlatform.Forecasting.Fonts.DejaVuSans.ttf"
)
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }
started=$SECONDS

for entry in "${PLATFORM_IMAGES[@]}"; do
  read -r name project <<< "$entry"
  [[ $# -eq 0 || $only == *" $name "* ]] || continue
  checked=$((${checked:-0} + 1))
  assembly=$(basename "$project" .csproj)
  echo "==> $name: dotnet publish $project"
  if ! dotnet publish "$project" -c Release --os linux --arch x64 -o "$out/$name" -v quiet -nologo > "$out/$name.log" 2>&1; then
    cat "$out/$name.log"; fail "$name" "dotnet publish failed"; continue
  fi
  [[ -f $out/$name/$assembly.dll ]] || fail "$name" "no $assembly.dll in the publish output"
  natives=$(cd "$out/$name" && find . -name '*.so*' -printf '%P ' | tr ' ' '\n' | sort | tr '\n' ' ')
  echo "    native libraries: ${natives:-none}"
  for need in ${NEEDED[$name]:-}; do
    case $need in
      file:*) [[ -n $(find "$out/$name" -name "${need#file:}" -print -quit) ]] || fail "$name" "${need#file:} is not in the publish output" ;;
      resource:*) grep -aqF "${need#resource:}" "$out/$name/$assembly.dll" || fail "$name" "$assembly.dll does not embed ${need#resource:}" ;;
    esac
  done
  if [[ $name == forecasting ]]; then
    # lib_lightgbm.so links libgomp.so.1 (OpenMP), which no chiselled base image has: the publish ships it beside
    # lib_lightgbm.so and the image sets LD_LIBRARY_PATH=/app. Resolve the links as the image's loader would: with only the
    # publish directory on the path, libgomp.so.1 must come from it.
    [[ -f $out/$name/lib_lightgbm.so ]] || fail "$name" "lib_lightgbm.so is not beside the assembly"
    resolved=$(LD_LIBRARY_PATH="$out/$name" ldd "$out/$name/lib_lightgbm.so" 2>&1 | awk '$1 == "libgomp.so.1" {print $3}')
    echo "    lib_lightgbm.so loads libgomp.so.1 from: ${resolved:-nowhere}"
    [[ $resolved == "$out/$name/libgomp.so.1" ]] || fail "$name" "lib_lightgbm.so does not resolve libgomp.so.1 from the publish output"
    ldd "$out/$name/libgomp.so.1" | grep -q 'not found' && fail "$name" "libgomp.so.1 has unresolved dependencies"
  fi

  settings=$(dotnet msbuild "$project" -p:Configuration=Release -p:RuntimeIdentifier=linux-x64 -getProperty:ContainerRepository -getProperty:ContainerBaseImage \
    -getProperty:ContainerUser -getProperty:ContainerHttpPort -getItem:ContainerPort -getItem:ContainerEnvironmentVariable)
  repository=$(jq -r '.Properties.ContainerRepository' <<< "$settings")
  base=$(jq -r '.Properties.ContainerBaseImage' <<< "$settings")
  user=$(jq -r '.Properties.ContainerUser' <<< "$settings")
  ports=$(jq -r '[.Items.ContainerPort[].Identity] | join(",")' <<< "$settings")
  http_ports=$(jq -r '.Items.ContainerEnvironmentVariable[] | select(.Identity == "ASPNETCORE_HTTP_PORTS") | .Value' <<< "$settings")
  library_path=$(jq -r '.Items.ContainerEnvironmentVariable[] | select(.Identity == "LD_LIBRARY_PATH") | .Value' <<< "$settings")

  [[ $repository == "inventoryplatform/$name" ]] || fail "$name" "ContainerRepository is '$repository'"
  [[ $base == mcr.microsoft.com/dotnet/aspnet:10.0-*chiseled* ]] || fail "$name" "base image '$base' is not a chiselled .NET 10 image"
  [[ -n $user && $user != 0 && $user != root ]] || fail "$name" "ContainerUser '$user' is not a non-root user"
  [[ $ports == 8080 ]] || fail "$name" "ContainerPort is '$ports', not 8080"
  [[ $http_ports == 8080 ]] || fail "$name" "ASPNETCORE_HTTP_PORTS is '$http_ports', not 8080"
  grep -rqs "image: inventoryplatform/$name\$" deploy/k8s/base || fail "$name" "no Kubernetes workload uses inventoryplatform/$name"
  grep -qs "inventoryplatform/$name:" deploy/compose/docker-compose.yml || fail "$name" "the compose file does not use inventoryplatform/$name"
  if [[ $name == forecasting && $library_path != /app ]]; then fail "$name" "the image does not set LD_LIBRARY_PATH=/app"; fi
  echo "    $repository, $base, user $user, port $ports"
done

echo "check-publish: ${checked:-0} projects, $failures failure(s), $((SECONDS - started)) s"
[[ $failures -eq 0 ]]
