namespace InventoryPlatform.Allocation.Domain;

public enum OrderStatus
{
    /// <summary>Every unit is reserved at an FC.</summary>
    Allocated,

    /// <summary>Some units are reserved, the rest backordered.</summary>
    PartiallyAllocated,

    /// <summary>No unit could be reserved; the whole order is backordered.</summary>
    Backordered,

    /// <summary>Some units shipped; others are still reserved at an FC or backordered (and fill as stock arrives).</summary>
    PartiallyShipped,

    /// <summary>Every unit of the order has shipped; nothing is reserved or backordered any more.</summary>
    Shipped,

    Cancelled,
}
