using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Api;

/// <summary>
/// Expected against received per line. <c>Final</c> is true once the shipment is closed; before that the
/// figures are the discrepancies so far.
/// </summary>
public sealed record ShipmentReport(
    Guid Id,
    string FulfillmentCenter,
    ShipmentStatus Status,
    bool Final,
    DateTime? ClosedAt,
    IReadOnlyList<ReportLine> Lines,
    ReportTotals Totals,
    IReadOnlyList<ReportLine> Discrepancies
);
