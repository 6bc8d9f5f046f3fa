using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>Dated list prices per FNSKU: the seller's and approved markdowns.</summary>
public sealed class PriceRepository(Database database)
{
    public const string SellerSource = "seller";
    public const string MarkdownSource = "markdown";

    private readonly string _upsertPrice = database.Dialect.Upsert(
        "forecasting.prices",
        ["seller_id", "fnsku", "effective_on"],
        ["seller_id", "fnsku", "effective_on", "price", "currency", "source", "updated_at"],
        ["price", "currency", "source", "updated_at"]
    );

    /// <summary>Replaces the FNSKU's seller-set prices with <paramref name="prices"/>; markdowns on other dates stay.</summary>
    public async Task ReplaceAsync(UnitOfWork unit, string sellerId, string fnsku, IReadOnlyList<PricePoint> prices, DateTime now)
    {
        await unit.ExecuteAsync(
            "DELETE FROM forecasting.prices WHERE seller_id = @SellerId AND fnsku = @Fnsku AND source = @Source",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Source = SellerSource,
            }
        );
        await SaveAsync(unit, sellerId, fnsku, prices, now);
    }

    public Task SaveAsync(UnitOfWork unit, string sellerId, string fnsku, IReadOnlyList<PricePoint> prices, DateTime now) =>
        unit.ExecuteAsync(
            _upsertPrice,
            prices.Select(p => new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                EffectiveOn = p.EffectiveOn.ToDateTime(TimeOnly.MinValue),
                p.Price,
                p.Currency,
                p.Source,
                UpdatedAt = now,
            })
        );

    public async Task<bool> HasPriceBeforeAsync(UnitOfWork unit, string sellerId, string fnsku, DateOnly date) =>
        await unit.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM forecasting.prices WHERE seller_id = @SellerId AND fnsku = @Fnsku AND effective_on < @Date",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Date = date.ToDateTime(TimeOnly.MinValue),
            }
        ) > 0;

    public async Task<IReadOnlyList<PricePoint>> PricesAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<PriceRow>(
                "SELECT fnsku, effective_on, price, currency, source FROM forecasting.prices WHERE seller_id = @SellerId AND "
                    + "fnsku = @Fnsku ORDER BY effective_on",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        )
            .Select(r => r.ToPoint())
            .ToList();

    /// <summary>Every dated price of the seller's FNSKUs, by FNSKU, oldest first.</summary>
    public async Task<ILookup<string, DatedPrice>> PricesAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<PriceRow>(
                "SELECT fnsku, effective_on, price, currency, source FROM forecasting.prices WHERE seller_id = @SellerId "
                    + "ORDER BY fnsku, effective_on",
                new { SellerId = sellerId }
            )
        ).ToLookup(r => r.Fnsku, r => new DatedPrice(r.EffectiveOn, (double)r.Price), StringComparer.Ordinal);

    private sealed class PriceRow
    {
        public string Fnsku { get; init; } = "";
        public DateOnly EffectiveOn { get; init; }
        public decimal Price { get; init; }
        public string Currency { get; init; } = "";
        public string Source { get; init; } = "";

        public PricePoint ToPoint() => new(EffectiveOn, Price, Currency, Source);
    }
}
