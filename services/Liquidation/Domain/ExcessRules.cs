namespace InventoryPlatform.Liquidation.Domain;

/// <summary>How many days of supply are not excess, and after how many days without a sale stock is dead.</summary>
public sealed record ExcessRules(int CoverDays, int DeadStockDays)
{
    public static ExcessRules Default { get; } = new(90, 180);
}
