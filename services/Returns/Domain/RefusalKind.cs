namespace InventoryPlatform.Returns.Domain;

public enum RefusalKind
{
    /// <summary>No shipped order with that id for this seller (unknown, or another seller's: the same answer, so nothing leaks).</summary>
    UnknownOrder,
    FnskuNotShipped,
    WindowClosed,
    MoreThanShipped,
}
