namespace InventoryPlatform.Liquidation.Domain;

public enum ExecutionMode
{
    /// <summary>Every recommendation waits for the seller's approval.</summary>
    Manual,

    /// <summary>Recommendations within the seller's limits are executed as soon as they are raised.</summary>
    Automatic,
}
