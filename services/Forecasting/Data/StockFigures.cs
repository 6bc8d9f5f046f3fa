namespace InventoryPlatform.Forecasting.Data;

/// <summary>One FC's stock of an FNSKU as Forecasting keeps it: available (on hand − reserved) and inbound (inbound + in
/// transit).</summary>
public sealed record StockFigures(
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    int Available,
    int Inbound,
    long Version,
    DateTime OccurredAt
);
