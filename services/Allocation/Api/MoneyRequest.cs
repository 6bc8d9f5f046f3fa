namespace InventoryPlatform.Allocation.Api;

public sealed record MoneyRequest(decimal? Amount, string? Currency);
