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

    public static RemovalKind KindOf(Contracts.V1.ReturnDisposition disposition) =>
        disposition switch
        {
            Contracts.V1.ReturnDisposition.Liquidate => RemovalKind.Liquidation,
            Contracts.V1.ReturnDisposition.RemoveToSeller => RemovalKind.Removal,
            Contracts.V1.ReturnDisposition.Dispose => RemovalKind.Disposal,
            _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Unknown disposition."),
        };

    /// <summary>
    /// What acting on <paramref name="units"/> unsellable units recovers and costs: liquidators pay a share of the price less
    /// their referral and a processing fee per unit; units sent back are worth a share of the price to the seller for the
    /// removal fee; disposal recovers nothing for its fee. Zero for both when the item is unknown.
    /// </summary>
    public static (decimal Recovery, decimal Fees) ValueOf(RemovalKind kind, int units, ItemProfile? item, LiquidationSettings settings)
    {
        if (item is null)
        {
            return (0, 0);
        }

        var (recovery, fees) = kind switch
        {
            RemovalKind.Liquidation => (
                units * item.AverageSellingPrice * settings.LiquidationRecoveryShare * (1 - settings.LiquidationReferralShare),
                units * settings.LiquidationProcessingFeePerUnit
            ),
            RemovalKind.Removal => (
                units * item.AverageSellingPrice * settings.RemovalResidualShare,
                units * settings.RemovalFee.For(item.WeightLbPerUnit)
            ),
            _ => (0m, units * settings.DisposalFee.For(item.WeightLbPerUnit)),
        };
        return (Math.Round(recovery, 2, MidpointRounding.AwayFromZero), Math.Round(fees, 2, MidpointRounding.AwayFromZero));
    }

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
