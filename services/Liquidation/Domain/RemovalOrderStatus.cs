namespace InventoryPlatform.Liquidation.Domain;

public enum RemovalOrderStatus
{
    Pending,
    InProgress,
    Completed,
    Cancelled,
}
