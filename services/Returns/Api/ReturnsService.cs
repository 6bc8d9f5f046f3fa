using InventoryPlatform.Hosting;

namespace InventoryPlatform.Returns.Api;

public static class ReturnsService
{
    public static readonly PlatformService Descriptor = new("returns", "returns", typeof(ReturnsService).Assembly);
}
