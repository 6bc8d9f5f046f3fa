using InventoryPlatform.Hosting;

namespace InventoryPlatform.Limits.Api;

public static class LimitsService
{
    public static readonly PlatformService Descriptor = new("limits", "limits", typeof(LimitsService).Assembly);
}
