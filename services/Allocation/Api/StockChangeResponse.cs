using InventoryPlatform.Allocation.Data;

namespace InventoryPlatform.Allocation.Api;

/// <summary>A balance as its latest change left it; <c>version</c> grows with every change of the balance.</summary>
public sealed record StockChangeResponse(
    string Fnsku,
    string FulfillmentCenter,
    int OnHand,
    int Reserved,
    int PendingRemoval,
    int Available,
    int Inbound,
    int InTransit,
    int Unfulfillable,
    long Version,
    DateTime UpdatedAt
)
{
    public static StockChangeResponse From(StockChangeRow change) =>
        new(
            change.Row.Fnsku,
            change.Row.FulfillmentCenter,
            change.Row.Balance.OnHand,
            change.Row.Balance.Reserved,
            change.Row.Balance.PendingRemoval,
            change.Row.Balance.Available,
            change.Row.Balance.Inbound,
            change.Row.Balance.InTransit,
            change.Row.Balance.Unfulfillable,
            change.Row.Balance.Version,
            change.Row.UpdatedAt
        );
}
