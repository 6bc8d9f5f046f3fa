namespace InventoryPlatform.Limits.Domain;

/// <summary>
/// Everything the KPIs of one seller (or of the whole network) are computed from. Readings include, per item, the
/// last one before the window, so stock is carried forward into it. Listed keys are items with an active listing
/// (a registration); ExcessDemand is the units each item is expected to sell over the excess cover horizon.
/// </summary>
public sealed record KpiInputs(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<StockReading> Readings,
    IReadOnlyList<ShipmentRecord> Shipments,
    IReadOnlyList<CancellationRecord> Cancellations,
    IReadOnlyList<DefectiveReturnRecord> DefectiveReturns,
    IReadOnlyList<InboundClosedRecord> InboundClosed,
    IReadOnlySet<string> ListedKeys,
    IReadOnlyDictionary<string, double> ExcessDemand,
    double LateAfterHours
);
