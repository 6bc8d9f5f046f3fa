using InventoryPlatform.Allocation.Data;

namespace InventoryPlatform.Allocation.Api;

public sealed record StockResponse(
    string Fnsku,
    string FulfillmentCenter,
    int OnHand,
    int Reserved,
    int PendingRemoval,
    int Available,
    int Inbound,
    int InTransit,
    int Unfulfillable,
    DateTime UpdatedAt
)
{
    public static StockResponse From(StockRow row) =>
        new(
            row.Fnsku,
            row.FulfillmentCenter,
            row.Balance.OnHand,
            row.Balance.Reserved,
            row.Balance.PendingRemoval,
            row.Balance.Available,
            row.Balance.Inbound,
            row.Balance.InTransit,
            row.Balance.Unfulfillable,
            row.UpdatedAt
        );
}
