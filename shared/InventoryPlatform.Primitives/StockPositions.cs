namespace InventoryPlatform.Primitives;

/// <summary>
/// The names of the ledger's stock positions as services report them for reconciliation (<see cref="UnitCount.Position"/>);
/// Allocation's ledger has a figure for each.
/// </summary>
public static class StockPositions
{
    public const string OnHand = "onHand";
    public const string Reserved = "reserved";
    public const string Available = "available";
    public const string Inbound = "inbound";
    public const string InTransit = "inTransit";
    public const string Unfulfillable = "unfulfillable";

    /// <summary>Inbound and in transit together: the units on their way to an FC.</summary>
    public const string InboundAndInTransit = "inboundAndInTransit";
}
