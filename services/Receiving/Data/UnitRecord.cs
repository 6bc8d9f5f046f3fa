using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Data;

public sealed record UnitRecord(
    string UnitId,
    Guid ShipmentId,
    string Fnsku,
    string FulfillmentCenter,
    UnitCondition Condition,
    DateTime ScannedAt
);
