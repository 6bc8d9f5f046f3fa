namespace InventoryPlatform.Limits.Api;

public sealed record UtilizationResponse(IReadOnlyList<FcUtilization> Items);
