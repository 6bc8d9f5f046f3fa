namespace InventoryPlatform.Receiving;

public sealed class PutawayOptions
{
    public const string Section = "Receiving:Putaway";

    /// <summary>Units a day (over the velocity window) from which an FNSKU counts as a fast mover.</summary>
    public decimal FastMoverUnitsPerDay { get; set; } = 1m;

    /// <summary>How many recent days of OrderShipped make the sales velocity.</summary>
    public int VelocityWindowDays { get; set; } = 28;
}
