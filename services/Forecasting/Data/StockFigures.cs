namespace InventoryPlatform.Forecasting.Data;

/// <summary>One FC's stock of an FNSKU as Forecasting keeps it from StockChanged: available (on hand − reserved − pending
/// removal), inbound (on shipped ASNs) and in transit (on transfers to the FC).</summary>
public sealed record StockFigures(
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    int Available,
    int Inbound,
    int InTransit,
    long Version,
    DateTime OccurredAt
);
