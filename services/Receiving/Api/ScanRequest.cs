using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Api;

public sealed record ScanRequest(string? UnitId, string? Fnsku, UnitCondition? Condition);
