namespace InventoryPlatform.Liquidation.Domain;

/// <summary>What happens to stock kept over a horizon: units sold, revenue, and holding cost paid meanwhile.</summary>
public sealed record SellDown(decimal UnitsSold, decimal Revenue, decimal HoldingCost, decimal UnitsLeft);
