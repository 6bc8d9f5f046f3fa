namespace InventoryPlatform.Contracts.V1;

/// <summary>Bus request from Receiving: hold capacity for an inbound shipment before it is created.</summary>
public sealed record ReserveCapacity(
    Guid ShipmentId,
    string SellerId,
    string FulfillmentCenter,
    IReadOnlyList<StorageVolume> Volumes,
    Guid CorrelationId
);
