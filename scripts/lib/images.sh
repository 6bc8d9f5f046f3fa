# The projects that publish as container images, as "<image name> <project path>" lines.
# Sourced by scripts/build-images.sh and scripts/check-publish.sh.
# shellcheck shell=bash
PLATFORM_IMAGES=(
  "receiving services/Receiving/InventoryPlatform.Receiving.csproj"
  "allocation services/Allocation/InventoryPlatform.Allocation.csproj"
  "forecasting services/Forecasting/InventoryPlatform.Forecasting.csproj"
  "returns services/Returns/InventoryPlatform.Returns.csproj"
  "liquidation services/Liquidation/InventoryPlatform.Liquidation.csproj"
  "limits services/Limits/InventoryPlatform.Limits.csproj"
  "notifications services/Notifications/InventoryPlatform.Notifications.csproj"
  "gateway gateway/InventoryPlatform.Gateway/InventoryPlatform.Gateway.csproj"
)
