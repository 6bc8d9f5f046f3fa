#!/usr/bin/env bash
# Builds the OCI image of every service and the gateway with the .NET SDK's container support
# (dotnet publish -t:PublishContainer; no Dockerfile). The base image is pulled from mcr.microsoft.com,
# so this runs where that and the target registry are reachable.
#
#   REGISTRY=registry.example.com TAG=1.4.0 scripts/build-images.sh   push inventoryplatform/<name>:1.4.0 there
#   IMAGE_ARCHIVES=out/images TAG=1.4.0 scripts/build-images.sh       write out/images/<name>.tar.gz (no Docker needed;
#                                                                      load with docker load / podman load / skopeo)
#   TAG=1.4.0 scripts/build-images.sh                                 load into the local Docker or Podman
#
# TAG may list several tags separated by ';' (e.g. "1.4.0;latest"); ARCH is x64 (default) or arm64.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/images.sh

tag=${TAG:-latest}
arch=${ARCH:-x64}
args=(-c Release --os linux --arch "$arch" -t:PublishContainer "-p:ContainerImageTags=\"$tag\"")
if [[ -n ${REGISTRY:-} ]]; then
  args+=("-p:ContainerRegistry=$REGISTRY")
elif [[ -n ${IMAGE_ARCHIVES:-} ]]; then
  mkdir -p "$IMAGE_ARCHIVES"
  archives=$(cd "$IMAGE_ARCHIVES" && pwd)
fi

for entry in "${PLATFORM_IMAGES[@]}"; do
  read -r name project <<< "$entry"
  echo "==> inventoryplatform/$name:$tag ($project)"
  if [[ -n ${archives:-} ]]; then
    dotnet publish "$project" "${args[@]}" "-p:ContainerArchiveOutputPath=$archives/$name.tar.gz"
  else
    dotnet publish "$project" "${args[@]}"
  fi
done
