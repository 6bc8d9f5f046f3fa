using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>The seller's external factors (holidays per marketplace, promotions per FNSKU) and replenishment settings.</summary>
public sealed class CalendarRepository(Database database)
{
    private readonly string _upsertHoliday = database.Dialect.Upsert(
        "forecasting.holidays",
        ["seller_id", "marketplace", "holiday_date"],
        ["seller_id", "marketplace", "holiday_date", "name"],
        ["name"]
    );

    private readonly string _upsertSettings = database.Dialect.Upsert(
        "forecasting.replenishment_settings",
        ["seller_id", "fnsku"],
        [
            "seller_id",
            "fnsku",
            "lead_time_days",
            "review_period_days",
            "minimum_order_quantity",
            "case_pack",
            "service_level",
            "updated_at",
        ],
        ["lead_time_days", "review_period_days", "minimum_order_quantity", "case_pack", "service_level", "updated_at"]
    );

    public Task SaveHolidaysAsync(UnitOfWork unit, string sellerId, IEnumerable<Holiday> holidays) =>
        unit.ExecuteAsync(
            _upsertHoliday,
            holidays.Select(h => new
            {
                SellerId = sellerId,
                h.Marketplace,
                HolidayDate = h.Date.ToDateTime(TimeOnly.MinValue),
                h.Name,
            })
        );

    public async Task<IReadOnlyList<Holiday>> HolidaysAsync(string sellerId, string? marketplace, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<HolidayRow>(
                "SELECT marketplace, holiday_date, name FROM forecasting.holidays WHERE seller_id = @SellerId AND (@Marketplace IS NULL OR "
                    + "marketplace = @Marketplace) "
                    + "ORDER BY marketplace, holiday_date",
                new { SellerId = sellerId, Marketplace = marketplace },
                cancellationToken
            )
        )
            .Select(r => r.ToHoliday())
            .ToList();

    public async Task<IReadOnlyList<Holiday>> HolidaysAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<HolidayRow>(
                "SELECT marketplace, holiday_date, name FROM forecasting.holidays WHERE seller_id = @SellerId",
                new { SellerId = sellerId }
            )
        )
            .Select(r => r.ToHoliday())
            .ToList();

    public Task AddPromotionAsync(UnitOfWork unit, string sellerId, Promotion promotion, DateTime now) =>
        unit.ExecuteAsync(
            "INSERT INTO forecasting.promotions (id, seller_id, fnsku, starts_on, ends_on, discount_percent, featured, created_at) "
                + "VALUES (@Id, @SellerId, @Fnsku, @StartsOn, @EndsOn, @DiscountPercent, @Featured, @CreatedAt)",
            new
            {
                promotion.Id,
                SellerId = sellerId,
                promotion.Fnsku,
                StartsOn = promotion.StartsOn.ToDateTime(TimeOnly.MinValue),
                EndsOn = promotion.EndsOn.ToDateTime(TimeOnly.MinValue),
                promotion.DiscountPercent,
                promotion.Featured,
                CreatedAt = now,
            }
        );

    public async Task<bool> DeletePromotionAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "DELETE FROM forecasting.promotions WHERE seller_id = @SellerId AND id = @Id",
                    new { SellerId = sellerId, Id = id }
                ),
            cancellationToken
        ) == 1;

    public async Task<IReadOnlyList<Promotion>> PromotionsAsync(string sellerId, string? fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<PromotionRow>(
                "SELECT id, fnsku, starts_on, ends_on, discount_percent, featured FROM forecasting.promotions "
                    + "WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) ORDER BY fnsku, starts_on, id",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        )
            .Select(r => r.ToPromotion())
            .ToList();

    public async Task<IReadOnlyList<Promotion>> PromotionsAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<PromotionRow>(
                "SELECT id, fnsku, starts_on, ends_on, discount_percent, featured FROM forecasting.promotions WHERE seller_id = @SellerId",
                new { SellerId = sellerId }
            )
        )
            .Select(r => r.ToPromotion())
            .ToList();

    public Task SaveSettingsAsync(UnitOfWork unit, string sellerId, string fnsku, ReplenishmentSettings settings, DateTime now) =>
        unit.ExecuteAsync(
            _upsertSettings,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                settings.LeadTimeDays,
                settings.ReviewPeriodDays,
                settings.MinimumOrderQuantity,
                settings.CasePack,
                ServiceLevel = (decimal)settings.ServiceLevel,
                UpdatedAt = now,
            }
        );

    /// <summary>The FNSKU's settings, or the defaults when the seller set none.</summary>
    public async Task<(ReplenishmentSettings Settings, bool IsDefault)> SettingsAsync(UnitOfWork unit, string sellerId, string fnsku)
    {
        var row = await unit.QuerySingleOrDefaultAsync<SettingsRow>(
            "SELECT lead_time_days, review_period_days, minimum_order_quantity, case_pack, service_level FROM "
                + "forecasting.replenishment_settings "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new { SellerId = sellerId, Fnsku = fnsku }
        );
        return row is null
            ? (ReplenishmentSettings.Default, true)
            : (
                new ReplenishmentSettings(
                    row.LeadTimeDays,
                    row.ReviewPeriodDays,
                    row.MinimumOrderQuantity,
                    row.CasePack,
                    (double)row.ServiceLevel
                ),
                false
            );
    }

    /// <summary>The settings the seller set for any of <paramref name="fnskus"/>; FNSKUs without take the defaults.</summary>
    public async Task<IReadOnlyDictionary<string, ReplenishmentSettings>> SettingsAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyList<string> fnskus
    ) =>
        (
            await unit.QueryAsync<SettingsRow>(
                "SELECT fnsku, lead_time_days, review_period_days, minimum_order_quantity, case_pack, service_level FROM "
                    + $"forecasting.replenishment_settings WHERE seller_id = @SellerId AND {unit.Dialect.InList("fnsku", "Fnskus")}",
                new { SellerId = sellerId, Fnskus = fnskus.ToArray() }
            )
        ).ToDictionary(
            r => r.Fnsku,
            r => new ReplenishmentSettings(r.LeadTimeDays, r.ReviewPeriodDays, r.MinimumOrderQuantity, r.CasePack, (double)r.ServiceLevel),
            StringComparer.Ordinal
        );

    private sealed class HolidayRow
    {
        public string Marketplace { get; init; } = "";
        public DateOnly HolidayDate { get; init; }
        public string Name { get; init; } = "";

        public Holiday ToHoliday() => new(Marketplace, HolidayDate, Name);
    }

    private sealed class PromotionRow
    {
        public Guid Id { get; init; }
        public string Fnsku { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public decimal DiscountPercent { get; init; }
        public bool Featured { get; init; }

        public Promotion ToPromotion() => new(Id, Fnsku, StartsOn, EndsOn, DiscountPercent, Featured);
    }

    private sealed class SettingsRow
    {
        public string Fnsku { get; init; } = "";
        public int LeadTimeDays { get; init; }
        public int ReviewPeriodDays { get; init; }
        public int MinimumOrderQuantity { get; init; }
        public int CasePack { get; init; }
        public decimal ServiceLevel { get; init; }
    }
}
