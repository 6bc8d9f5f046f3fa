using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Api;

/// <summary>A received unit; <c>binId</c> is where it was put away (absent while no bin of the FC had room, and for damaged
/// units).</summary>
public sealed record UnitResponse(
    string UnitId,
    Guid ShipmentId,
    string Fnsku,
    string FulfillmentCenter,
    UnitCondition Condition,
    DateTime ScannedAt,
    string? BinId
);
