using InventoryPlatform.Forecasting.Data;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// One FNSKU's replenishment recommendation with the pipeline it already counts: available, inbound (shipped ASNs) and in
/// transit (transfers) in total, and per FC in <see cref="FulfillmentCenters"/>. Recommended units = order-up-to − (available +
/// inbound + in transit), in case packs.
/// </summary>
public sealed record ReplenishmentResponse(
    string Fnsku,
    int Available,
    int Inbound,
    int InTransit,
    double LeadTimeDemand,
    int SafetyStock,
    int ReorderPoint,
    int OrderUpToLevel,
    int RecommendedUnits,
    double? DaysOfSupply,
    string Urgency,
    DateOnly ShipBy,
    DateTime EvaluatedAt,
    IReadOnlyList<StockPosition> FulfillmentCenters
)
{
    public static ReplenishmentResponse From(RecommendationRecord r, IReadOnlyList<StockPosition> positions) =>
        new(
            r.Fnsku,
            r.Available,
            r.Inbound,
            r.InTransit,
            r.LeadTimeDemand,
            r.SafetyStock,
            r.ReorderPoint,
            r.OrderUpToLevel,
            r.RecommendedUnits,
            r.DaysOfSupply,
            r.Urgency,
            r.ShipBy,
            r.EvaluatedAt,
            positions
        );
}
