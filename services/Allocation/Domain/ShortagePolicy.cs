namespace InventoryPlatform.Allocation.Domain;

/// <summary>What to do when the network does not hold every unit an order asks for.</summary>
public enum ShortagePolicy
{
    /// <summary>Reserve what there is and backorder the rest.</summary>
    Backorder,

    /// <summary>Refuse the order; nothing is reserved or stored.</summary>
    Reject,
}
