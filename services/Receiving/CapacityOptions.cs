namespace InventoryPlatform.Receiving;

public sealed class CapacityOptions
{
    public const string Section = "Receiving:Capacity";

    /// <summary>How long shipment creation waits for Limits to answer before giving up with 503.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
