namespace InventoryPlatform.Receiving.Domain;

public enum ShipmentStatus
{
    Created,
    InTransit,
    Receiving,
    Closed,
    Cancelled,
}
