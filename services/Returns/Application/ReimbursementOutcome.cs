namespace InventoryPlatform.Returns.Application;

public sealed record ReimbursementOutcome(int Units, decimal UnitPrice, decimal Amount, string Currency);
