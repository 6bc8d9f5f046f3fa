using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

/// <summary>A row of <c>allocation.stock_balances</c> as Dapper reads it, for the stock repository and the change feed.</summary>
internal class BalanceRow
{
    public string Fnsku { get; init; } = "";
    public string FulfillmentCenter { get; init; } = "";
    public int OnHand { get; init; }
    public int Reserved { get; init; }
    public int Inbound { get; init; }
    public int InTransit { get; init; }
    public int Unfulfillable { get; init; }
    public long Version { get; init; }
    public int PendingRemoval { get; init; }
    public DateTime UpdatedAt { get; init; }

    public StockBalance ToBalance() => new(OnHand, Reserved, Inbound, InTransit, Unfulfillable, Version, PendingRemoval);
}
