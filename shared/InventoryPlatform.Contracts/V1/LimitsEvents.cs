namespace InventoryPlatform.Contracts.V1;

public sealed record StorageLimit(StorageType StorageType, decimal LimitCubicFeet);

public sealed record CapacityLimitsUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    int PerformanceScore,
    IReadOnlyList<StorageLimit> Limits
) : IIntegrationEvent;

/// <summary>Bus request from Receiving: hold capacity for an inbound shipment before it is created.</summary>
public sealed record ReserveCapacity(
    Guid ShipmentId,
    string SellerId,
    string FulfillmentCenter,
    IReadOnlyList<StorageVolume> Volumes,
    Guid CorrelationId
);

public sealed record StorageVolume(StorageType StorageType, decimal CubicFeet);

public sealed record CapacityReserved(Guid ShipmentId, Guid ReservationId);

public sealed record CapacityRejected(
    Guid ShipmentId,
    string Reason,
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal RequestedCubicFeet
);

/// <summary>
/// Capacity held for a shipment goes back: the shipment was cancelled, or never stored (Receiving gave up waiting for the
/// answer). The release may reach Limits before a late reservation does; <see cref="FulfillmentCenter"/> is then recorded
/// with it (null in events from before it was added).
/// </summary>
public sealed record CapacityReleased(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string? FulfillmentCenter = null
) : IIntegrationEvent;
