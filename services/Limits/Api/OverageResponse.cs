using InventoryPlatform.Limits.Data;

namespace InventoryPlatform.Limits.Api;

public sealed record OverageResponse(
    string SellerId,
    bool OverLimit,
    decimal TotalFee,
    string Currency,
    IReadOnlyList<OverageRecord> Items
);
