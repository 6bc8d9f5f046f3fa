namespace InventoryPlatform.Contracts.V1;

public sealed record AllocatedLine(string Fnsku, string FulfillmentCenter, int Quantity);
