namespace InventoryPlatform.Allocation.Domain;

public sealed record Region(string Code, string Marketplace);
