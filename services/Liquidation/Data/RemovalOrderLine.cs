namespace InventoryPlatform.Liquidation.Data;

public sealed record RemovalOrderLine(string FulfillmentCenter, int Quantity);
