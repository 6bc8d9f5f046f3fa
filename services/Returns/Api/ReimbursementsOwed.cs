namespace InventoryPlatform.Returns.Api;

public sealed record ReimbursementsOwed(string Currency, int Units, decimal Amount);
