namespace InventoryPlatform.Limits.Domain;

/// <summary>One FC shipment of an order: its day, units and the hours from order to ship.</summary>
public sealed record ShipmentRecord(Guid OrderId, DateOnly Day, int Units, double HoursToShip);
