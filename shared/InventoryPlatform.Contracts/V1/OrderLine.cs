namespace InventoryPlatform.Contracts.V1;

public sealed record OrderLine(string Fnsku, int Quantity, Money UnitPrice);
