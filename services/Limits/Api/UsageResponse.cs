namespace InventoryPlatform.Limits.Api;

public sealed record UsageResponse(string SellerId, bool OverLimit, IReadOnlyList<UsageView> Usage);
