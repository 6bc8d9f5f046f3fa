using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>A seller's forecasting settings per marketplace: the period its sales are forecast in (daily unless set).</summary>
public sealed class MarketplaceSettingsRepository(Database database)
{
    private readonly string _upsertPeriod = database.Dialect.Upsert(
        "forecasting.marketplace_settings",
        ["seller_id", "marketplace"],
        ["seller_id", "marketplace", "period", "updated_at"],
        ["period", "updated_at"]
    );

    public Task SavePeriodAsync(UnitOfWork unit, string sellerId, string marketplace, ForecastPeriod period, DateTime now) =>
        unit.ExecuteAsync(
            _upsertPeriod,
            new
            {
                SellerId = sellerId,
                Marketplace = marketplace,
                Period = PeriodName(period),
                UpdatedAt = now,
            }
        );

    /// <summary>The period of each marketplace the seller set one for; the others are daily.</summary>
    public async Task<IReadOnlyDictionary<string, ForecastPeriod>> PeriodsAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<PeriodRow>(
                "SELECT marketplace, period FROM forecasting.marketplace_settings WHERE seller_id = @SellerId",
                new { SellerId = sellerId }
            )
        ).ToDictionary(r => r.Marketplace, r => ParsePeriod(r.Period), StringComparer.Ordinal);

    public async Task<ForecastPeriod> PeriodAsync(string sellerId, string marketplace, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<PeriodRow>(
                "SELECT marketplace, period FROM forecasting.marketplace_settings WHERE seller_id = @SellerId AND "
                    + "marketplace = @Marketplace",
                new { SellerId = sellerId, Marketplace = marketplace },
                cancellationToken
            )
        )
            .Select(r => ParsePeriod(r.Period))
            .FirstOrDefault(ForecastPeriod.Daily);

    /// <summary>The period of the marketplace an FNSKU sells in (daily when the FNSKU or its setting is unknown).</summary>
    public async Task<ForecastPeriod> PeriodOfItemAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<PeriodRow>(
                "SELECT s.marketplace, s.period FROM forecasting.items i JOIN forecasting.marketplace_settings s ON "
                    + "s.seller_id = i.seller_id AND s.marketplace = i.marketplace WHERE i.seller_id = @SellerId AND i.fnsku = @Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        )
            .Select(r => ParsePeriod(r.Period))
            .FirstOrDefault(ForecastPeriod.Daily);

    public static string PeriodName(ForecastPeriod period) => period == ForecastPeriod.Weekly ? "weekly" : "daily";

    private static ForecastPeriod ParsePeriod(string period) => period == "weekly" ? ForecastPeriod.Weekly : ForecastPeriod.Daily;

    private sealed class PeriodRow
    {
        public string Marketplace { get; init; } = "";
        public string Period { get; init; } = "";
    }
}
