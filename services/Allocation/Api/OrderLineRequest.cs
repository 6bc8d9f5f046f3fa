namespace InventoryPlatform.Allocation.Api;

public sealed record OrderLineRequest(string? Fnsku, int Quantity, MoneyRequest? UnitPrice);
