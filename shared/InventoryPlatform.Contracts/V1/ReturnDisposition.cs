namespace InventoryPlatform.Contracts.V1;

/// <summary>Where unsellable returned units go, as the seller's grading rules decided.</summary>
public enum ReturnDisposition
{
    Liquidate,
    RemoveToSeller,
    Dispose,
}
