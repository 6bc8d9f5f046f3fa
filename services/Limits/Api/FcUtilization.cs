using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Api;

/// <summary>Storage utilization of one FC and storage type: (stored + inbound) ÷ capacity, by volume.</summary>
public sealed record FcUtilization(
    string FulfillmentCenter,
    StorageType StorageType,
    decimal CapacityCubicFeet,
    decimal StoredCubicFeet,
    decimal InboundCubicFeet,
    double Utilization
);
