namespace InventoryPlatform.Forecasting.Data;

/// <summary>What one FC holds of an FNSKU and what is on its way there: the pipeline replenishment subtracts.</summary>
public sealed record StockPosition(string FulfillmentCenter, int Available, int Inbound, int InTransit);
