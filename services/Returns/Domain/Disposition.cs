namespace InventoryPlatform.Returns.Domain;

/// <summary>What happens to graded units.</summary>
public enum Disposition
{
    /// <summary>Back on the shelf at the FC that received it, sellable as new.</summary>
    Restock,

    /// <summary>Unfulfillable; sold off at recovery value (a Liquidation candidate).</summary>
    Liquidate,

    /// <summary>Unfulfillable; shipped back to the seller.</summary>
    RemoveToSeller,

    /// <summary>Unfulfillable; destroyed or recycled.</summary>
    Dispose,
}
