namespace InventoryPlatform.Contracts.V1;

public enum RemovalReason
{
    Liquidated,
    RemovedToSeller,
    Disposed,
}
