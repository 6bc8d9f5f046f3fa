namespace InventoryPlatform.Allocation.Domain;

/// <summary>
/// How much of an inbound shipment line the ledger counts as inbound. The figure depends only on the line's record (expected,
/// received) and the shipment's state, never on the order its events arrived in: a scan before the shipped event, a repeat,
/// or a close before the last scan all end at the same balance.
/// </summary>
public static class InboundRules
{
    /// <summary>
    /// Units still on the way: expected − received while the shipment is shipped and not closed or cancelled; never below 0.
    /// </summary>
    public static int Outstanding(bool shipped, bool closed, int expected, int received) =>
        shipped && !closed ? Math.Max(0, expected - received) : 0;
}
