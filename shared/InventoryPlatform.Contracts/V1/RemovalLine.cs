namespace InventoryPlatform.Contracts.V1;

/// <summary>The units a removal order takes from one FC.</summary>
public sealed record RemovalLine(string FulfillmentCenter, int Quantity);
