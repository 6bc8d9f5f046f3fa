using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>One physical unit read at the dock.</summary>
public sealed record Scan(string UnitId, string Fnsku, UnitCondition Condition);
