namespace InventoryPlatform.Allocation.Domain;

public static class StockLedger
{
    /// <summary>
    /// Applies movements to a balance. Refuses (returns the reason) when any bucket would go negative
    /// or more would be reserved for orders and held for removal orders than is on hand: the ledger never oversells and never
    /// goes below zero.
    /// The version grows by one per movement, so it always equals the number of journal rows.
    /// </summary>
    public static (StockBalance? Balance, string? Refusal) Apply(StockBalance balance, IReadOnlyCollection<StockMovement> movements)
    {
        var next = movements.Aggregate(balance, Add);
        if (
            next.OnHand < 0
            || next.Reserved < 0
            || next.Inbound < 0
            || next.InTransit < 0
            || next.Unfulfillable < 0
            || next.PendingRemoval < 0
        )
        {
            return (null, "The change would take a stock bucket below zero.");
        }

        if (next.Reserved + next.PendingRemoval > next.OnHand)
        {
            return (null, $"Only {balance.Available} units are available.");
        }

        return (next, null);
    }

    /// <summary>Rebuilds a balance from journal movements (for "as of" reads and the journal/balance check).</summary>
    public static StockBalance Replay(IEnumerable<StockMovement> movements) => movements.Aggregate(StockBalance.Empty, Add);

    private static StockBalance Add(StockBalance balance, StockMovement movement) =>
        movement.Bucket switch
        {
            StockBucket.OnHand => balance with { OnHand = balance.OnHand + movement.Quantity, Version = balance.Version + 1 },
            StockBucket.Reserved => balance with { Reserved = balance.Reserved + movement.Quantity, Version = balance.Version + 1 },
            StockBucket.Inbound => balance with { Inbound = balance.Inbound + movement.Quantity, Version = balance.Version + 1 },
            StockBucket.InTransit => balance with { InTransit = balance.InTransit + movement.Quantity, Version = balance.Version + 1 },
            StockBucket.Unfulfillable => balance with
            {
                Unfulfillable = balance.Unfulfillable + movement.Quantity,
                Version = balance.Version + 1,
            },
            StockBucket.PendingRemoval => balance with
            {
                PendingRemoval = balance.PendingRemoval + movement.Quantity,
                Version = balance.Version + 1,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(movement), movement.Bucket, "Unknown bucket."),
        };
}
