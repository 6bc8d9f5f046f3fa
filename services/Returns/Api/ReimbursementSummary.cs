using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Api;

public sealed record ReimbursementSummary(int Units, Money UnitPrice, Money Amount);
