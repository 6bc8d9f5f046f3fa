namespace InventoryPlatform.Contracts.V1;

public sealed record CapacityReserved(Guid ShipmentId, Guid ReservationId);
