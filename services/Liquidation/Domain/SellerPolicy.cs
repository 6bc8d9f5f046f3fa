namespace InventoryPlatform.Liquidation.Domain;

public enum ExecutionMode
{
    /// <summary>Every recommendation waits for the seller's approval.</summary>
    Manual,

    /// <summary>Recommendations within the seller's limits are executed as soon as they are raised.</summary>
    Automatic,
}

/// <summary>A seller's choice between approving each recommendation and automatic execution within limits.</summary>
public sealed record SellerPolicy(ExecutionMode Mode, decimal MaxMarkdownPercent, int MinAgeDays)
{
    public const int MaxAgeDays = 3650;

    public static SellerPolicy Default { get; } = new(ExecutionMode.Manual, 30m, 180);

    /// <summary>Whether the policy executes this recommendation without asking, and why (not).</summary>
    public (bool Allowed, string Reason) AllowsAutomatic(Recommendation recommendation)
    {
        if (Mode == ExecutionMode.Manual)
        {
            return (false, "The seller approves every recommendation.");
        }

        if (recommendation.Action == RecommendedAction.Keep)
        {
            return (false, "Nothing to execute.");
        }

        if ((recommendation.OldestAgeDays ?? 0) < MinAgeDays)
        {
            return (
                false,
                $"The oldest units are {recommendation.OldestAgeDays ?? 0} days old, under the policy's minimum of {MinAgeDays}."
            );
        }

        if (
            recommendation.MarkdownPercent is { } cut
            && recommendation.Action is RecommendedAction.Markdown or RecommendedAction.Promotion
            && cut > MaxMarkdownPercent
        )
        {
            return (false, $"The {cut} % price cut exceeds the policy's maximum markdown of {MaxMarkdownPercent} %.");
        }

        return (true, "Within the seller's automatic limits.");
    }

    public static IEnumerable<(string Field, string Reason)> Check(ExecutionMode? mode, decimal? maxMarkdownPercent, int? minAgeDays)
    {
        if (mode is null)
        {
            yield return ("mode", "Is required: manual or automatic.");
        }

        if (maxMarkdownPercent is not (>= 0 and <= 90))
        {
            yield return ("maxMarkdownPercent", "Is required, 0-90.");
        }

        if (minAgeDays is not (>= 0 and <= MaxAgeDays))
        {
            yield return ("minAgeDays", $"Is required, 0-{MaxAgeDays} days.");
        }
    }
}

public enum RecommendationStatus
{
    /// <summary>Waiting for the seller (or refreshed by the next recompute).</summary>
    Proposed,

    /// <summary>Keep: shown for information, nothing to approve.</summary>
    Informational,

    /// <summary>Approved by the seller or executed by the policy: its order was created or its price published.</summary>
    Approved,

    Rejected,
}

public enum RemovalKind
{
    Liquidation,
    Removal,
    Disposal,
}

public enum RemovalOrderStatus
{
    Pending,
    InProgress,
    Completed,
    Cancelled,
}

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
