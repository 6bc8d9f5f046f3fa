using InventoryPlatform.Hosting;

namespace InventoryPlatform.Liquidation.Api;

public static class LiquidationService
{
    public static readonly PlatformService Descriptor = new("liquidation", "liquidation", typeof(LiquidationService).Assembly);
}
