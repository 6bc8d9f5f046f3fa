namespace InventoryPlatform.Liquidation.Domain;

/// <summary>The lifecycle of liquidation, removal and disposal orders.</summary>
public static class RemovalOrders
{
    public static RemovalKind KindOf(RecommendedAction action) =>
        action switch
        {
            RecommendedAction.Liquidate => RemovalKind.Liquidation,
            RecommendedAction.RemoveToSeller => RemovalKind.Removal,
            RecommendedAction.Dispose => RemovalKind.Disposal,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Only liquidation, removal and disposal create orders."),
        };

    public static Contracts.V1.RemovalReason ReasonOf(RemovalKind kind) =>
        kind switch
        {
            RemovalKind.Liquidation => Contracts.V1.RemovalReason.Liquidated,
            RemovalKind.Removal => Contracts.V1.RemovalReason.RemovedToSeller,
            _ => Contracts.V1.RemovalReason.Disposed,
        };

    /// <summary>Null when the step is allowed, otherwise why not.</summary>
    public static string? RefuseStep(RemovalOrderStatus from, RemovalOrderStatus to) =>
        (from, to) switch
        {
            (RemovalOrderStatus.Pending, RemovalOrderStatus.InProgress) => null,
            (RemovalOrderStatus.InProgress, RemovalOrderStatus.Completed) => null,
            (RemovalOrderStatus.Pending or RemovalOrderStatus.InProgress, RemovalOrderStatus.Cancelled) => null,
            _ => $"An order that is {from} cannot become {to}.",
        };

    /// <summary>
    /// Which FCs the units of an order come from: the oldest lots first across all FCs, at most what they hold.
    /// </summary>
    public static IReadOnlyList<(string FulfillmentCenter, int Quantity)> PickOldest(
        IEnumerable<(string FulfillmentCenter, InventoryLot Lot)> lots,
        int quantity
    )
    {
        var picked = new Dictionary<string, int>(StringComparer.Ordinal);
        var left = quantity;
        foreach (var (fc, lot) in lots.Where(l => l.Lot.Quantity > 0).OrderBy(l => l.Lot.ReceivedAt).ThenBy(l => l.Lot.Id))
        {
            if (left == 0)
            {
                break;
            }

            var take = Math.Min(left, lot.Quantity);
            picked[fc] = picked.GetValueOrDefault(fc) + take;
            left -= take;
        }

        return [.. picked.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }
}
