using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Rebuilds every balance from the append-only journal (allocation.stock_movements) and compares it with
/// allocation.stock_balances: the two must agree after every scenario, figure for figure and version for version.
/// </summary>
public static class LedgerAudit
{
    static LedgerAudit()
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public static Task AssertJournalAgreesWithBalancesAsync(PlatformServices services) =>
        AssertJournalAgreesWithBalancesAsync(services.QueryAsync<BalanceRow>, services.QueryAsync<MovementRow>);

    /// <summary>The same audit on a PostgreSQL database given by its connection string.</summary>
    public static async Task AssertJournalAgreesWithBalancesAsync(string postgresDatabase)
    {
        await using var connection = new Npgsql.NpgsqlConnection(postgresDatabase);
        await AssertJournalAgreesWithBalancesAsync(
            async (sql, _) => (await Dapper.SqlMapper.QueryAsync<BalanceRow>(connection, sql)).ToList(),
            async (sql, _) => (await Dapper.SqlMapper.QueryAsync<MovementRow>(connection, sql)).ToList()
        );
    }

    private static async Task AssertJournalAgreesWithBalancesAsync(
        Func<string, object?, Task<IReadOnlyList<BalanceRow>>> queryBalances,
        Func<string, object?, Task<IReadOnlyList<MovementRow>>> queryMovements
    )
    {
        var balances = await queryBalances(
            "SELECT seller_id, fnsku, fulfillment_center, on_hand, reserved, inbound, in_transit, unfulfillable, version, "
                + "pending_removal FROM "
                + "allocation.stock_balances",
            null
        );
        var movements = await queryMovements(
            "SELECT seller_id, fnsku, fulfillment_center, bucket, quantity FROM allocation.stock_movements",
            null
        );
        var rebuilt = movements
            .GroupBy(m => (m.SellerId, m.Fnsku, m.FulfillmentCenter))
            .ToDictionary(
                g => g.Key,
                g => StockLedger.Replay(g.Select(m => new StockMovement(Enum.Parse<StockBucket>(m.Bucket), m.Quantity, "", "")))
            );

        var stored = balances.ToDictionary(
            b => (b.SellerId, b.Fnsku, b.FulfillmentCenter),
            b => new StockBalance(b.OnHand, b.Reserved, b.Inbound, b.InTransit, b.Unfulfillable, b.Version, b.PendingRemoval)
        );
        foreach (var (key, balance) in stored)
        {
            Assert.That(
                rebuilt.GetValueOrDefault(key, StockBalance.Empty),
                Is.EqualTo(balance),
                $"the journal of {key} rebuilds its balance"
            );
        }

        Assert.That(rebuilt.Keys.Except(stored.Keys), Is.Empty, "every journal entry belongs to a balance");
        Assert.That(
            stored.Values.All(b => b.Reserved + b.PendingRemoval <= b.OnHand && b.OnHand >= 0),
            Is.True,
            "no balance is oversold or negative"
        );
    }

    public sealed class BalanceRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public int OnHand { get; init; }
        public int Reserved { get; init; }
        public int Inbound { get; init; }
        public int InTransit { get; init; }
        public int Unfulfillable { get; init; }
        public long Version { get; init; }
        public int PendingRemoval { get; init; }
    }

    public sealed class MovementRow
    {
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string Bucket { get; init; } = "";
        public int Quantity { get; init; }
    }
}
