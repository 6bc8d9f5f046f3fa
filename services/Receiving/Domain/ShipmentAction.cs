namespace InventoryPlatform.Receiving.Domain;

/// <summary>What a seller or the dock can do to a shipment.</summary>
public enum ShipmentAction
{
    Ship,
    Close,
    Cancel,
}
