using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Data;

public sealed record ReservedVolume(
    StorageType StorageType,
    decimal ReservedCubicFeet,
    decimal ReceivedCubicFeet,
    decimal OutstandingCubicFeet
);
