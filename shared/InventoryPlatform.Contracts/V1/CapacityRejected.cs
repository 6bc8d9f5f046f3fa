namespace InventoryPlatform.Contracts.V1;

public sealed record CapacityRejected(
    Guid ShipmentId,
    string Reason,
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal RequestedCubicFeet
);
