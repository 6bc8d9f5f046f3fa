namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Monthly storage fee per cubic foot outside and inside the peak season.</summary>
public sealed class StorageRate
{
    public decimal OffPeak { get; set; }

    public decimal Peak { get; set; }
}
