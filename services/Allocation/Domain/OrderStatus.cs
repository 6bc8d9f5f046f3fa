namespace InventoryPlatform.Allocation.Domain;

public enum OrderStatus
{
    /// <summary>Every unit is reserved at an FC.</summary>
    Allocated,

    /// <summary>Some units are reserved, the rest backordered.</summary>
    PartiallyAllocated,

    /// <summary>No unit could be reserved; the whole order is backordered.</summary>
    Backordered,

    /// <summary>Some FC shipments left, others have not.</summary>
    PartiallyShipped,

    /// <summary>Every reserved unit has shipped.</summary>
    Shipped,

    Cancelled,
}
