namespace InventoryPlatform.Allocation.Domain;

public enum TransferStatus
{
    /// <summary>Left the source FC; counted in transit at the destination.</summary>
    InTransit,

    /// <summary>Arrived and on hand at the destination.</summary>
    Received,
}
