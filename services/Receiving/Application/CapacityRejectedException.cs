using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Application;

/// <summary>Limits said no: the storage type, its limit, what is used and what the shipment asked for.</summary>
public sealed class CapacityRejectedException(CapacityRejected rejection) : Exception(rejection.Reason)
{
    public CapacityRejected Rejection { get; } = rejection;
}
