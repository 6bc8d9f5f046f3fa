namespace InventoryPlatform.Limits.Data;

public sealed record ReservationView(
    Guid ShipmentId,
    Guid ReservationId,
    string FulfillmentCenter,
    string Status,
    DateTime CreatedAt,
    DateTime? EndedAt,
    IReadOnlyList<ReservedVolume> Volumes
);
