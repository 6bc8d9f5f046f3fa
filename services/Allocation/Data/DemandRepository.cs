using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>Where an FNSKU's demand is: the latest regional forecast, or, until one exists, the last 28 days of shipments.</summary>
public sealed class DemandRepository(Database database, TimeProvider time)
{
    public static readonly TimeSpan ShipmentWindow = TimeSpan.FromDays(28);

    private readonly string _createIfAbsent = database.Dialect.InsertIfAbsent(
        "allocation.demand_forecasts",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "forecast_at"]
    );

    private readonly string _lock = database.Dialect.SelectForUpdate(
        "allocation.demand_forecasts",
        "forecast_at",
        "seller_id = @SellerId AND fnsku = @Fnsku"
    );

    /// <summary>Replaces the stored forecast of an FNSKU with a newer one; an older forecast arriving late changes nothing.</summary>
    public async Task<bool> SaveForecastAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        IReadOnlyList<RegionalDemandRate> regions,
        DateTime forecastAt
    )
    {
        var key = new
        {
            SellerId = sellerId,
            Fnsku = fnsku,
            ForecastAt = (DateTime?)null,
        };
        await unit.ExecuteAsync(_createIfAbsent, key);
        var held = await unit.QuerySingleOrDefaultAsync<DateTime?>(_lock, key);
        if (held is { } stored && stored >= forecastAt)
        {
            return false;
        }

        await unit.ExecuteAsync(
            "UPDATE allocation.demand_forecasts SET forecast_at = @ForecastAt WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                ForecastAt = forecastAt,
            }
        );
        await unit.ExecuteAsync(
            "DELETE FROM allocation.regional_demand WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new { SellerId = sellerId, Fnsku = fnsku }
        );
        await unit.ExecuteAsync(
            "INSERT INTO allocation.regional_demand (seller_id, fnsku, region, daily_units_p50, forecast_at) VALUES (@SellerId, @Fnsku, "
                + "@Region, @DailyUnits, @ForecastAt)",
            regions.Select(r => new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                r.Region,
                r.DailyUnits,
                ForecastAt = forecastAt,
            })
        );
        return true;
    }

    /// <summary>
    /// Total forecast daily units of each of the seller's FNSKUs (<c>@SellerId</c>, <c>@Fnskus</c>) that has a forecast, as
    /// <see cref="DailyForecast"/> rows: a query to send along with another (an order's balance locks) in one round trip.
    /// </summary>
    public static string DailyForecastQuery(ISqlDialect dialect) =>
        "SELECT fnsku, SUM(daily_units_p50) AS daily_units FROM allocation.regional_demand "
        + $"WHERE seller_id = @SellerId AND {dialect.InList("fnsku", "Fnskus")} GROUP BY fnsku";

    /// <summary>The FNSKU's daily demand per region, and where it came from ("forecast", "recentShipments" or "none").</summary>
    public async Task<(IReadOnlyList<RegionalDemandRate> Demand, string Source)> GetAsync(
        string sellerId,
        string fnsku,
        CancellationToken cancellationToken
    )
    {
        var forecast = (
            await database.QueryAsync<Rate>(
                "SELECT region, daily_units_p50 AS daily_units FROM allocation.regional_demand WHERE seller_id = @SellerId AND fnsku = "
                    + "@Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        ).ToList();
        if (forecast.Count > 0)
        {
            return (forecast.Select(r => new RegionalDemandRate(r.Region, r.DailyUnits)).ToList(), "forecast");
        }

        var since = time.GetUtcNow().UtcDateTime - ShipmentWindow;
        var shipped = (
            await database.QueryAsync<Shipped>(
                "SELECT o.ship_to_region AS region, SUM(a.quantity) AS units FROM allocation.order_allocations a "
                    + "JOIN allocation.orders o ON o.id = a.order_id "
                    + "JOIN allocation.order_lines l ON l.order_id = a.order_id AND l.line_number = a.line_number "
                    + "WHERE o.seller_id = @SellerId AND l.fnsku = @Fnsku AND a.shipped_at >= @Since GROUP BY o.ship_to_region",
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    Since = since,
                },
                cancellationToken
            )
        ).ToList();
        return shipped.Count > 0
            ? (shipped.Select(s => new RegionalDemandRate(s.Region, s.Units / ShipmentWindow.TotalDays)).ToList(), "recentShipments")
            : ([], "none");
    }

    private sealed class Rate
    {
        public string Region { get; init; } = "";
        public double DailyUnits { get; init; }
    }

    public sealed class DailyForecast
    {
        public string Fnsku { get; init; } = "";
        public double DailyUnits { get; init; }
    }

    private sealed class Shipped
    {
        public string Region { get; init; } = "";
        public long Units { get; init; }
    }
}
