using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed record PolicyRecord(SellerPolicy Policy, DateTime? UpdatedAt);
