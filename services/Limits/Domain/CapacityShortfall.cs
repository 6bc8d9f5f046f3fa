using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>A storage type the shipment does not fit in, with the figures the seller is shown.</summary>
public sealed record CapacityShortfall(StorageType StorageType, decimal LimitCubicFeet, decimal UsedCubicFeet, decimal RequestedCubicFeet)
{
    public string Reason =>
        $"{StorageType} storage limit reached: {UsedCubicFeet} ft³ used or inbound plus {RequestedCubicFeet} ft³ requested exceeds the "
        + $"limit of {LimitCubicFeet} ft³.";
}
