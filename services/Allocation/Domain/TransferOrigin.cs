namespace InventoryPlatform.Allocation.Domain;

/// <summary>Who asked for a transfer.</summary>
public enum TransferOrigin
{
    Manual,
    Rebalancer,
}
