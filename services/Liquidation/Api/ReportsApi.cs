using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Liquidation.Api;

public static class ReportsApi
{
    // The seeded schedule is in US dollars; a deployment for another marketplace configures its own figures.
    private const string ScheduleCurrency = "USD";

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(LiquidationService.Descriptor.ApiPrefix).WithTags("Reports");
        group
            .MapGet("/aged-inventory", AgedInventory)
            .WithName("GetAgedInventory")
            .WithSummary(
                "Units per age bracket (0-90, 91-180, 181-270, 271-365, 365+ days, FIFO from receipt) per FNSKU, FC and stock kind, "
                    + "with this month's holding cost (storage plus aged surcharge). Filters: fnsku, fulfillmentCenter, stockKind. Admin "
                    + "keys may pass sellerId. With Accept: text/csv every row as one CSV download."
            );
        group
            .MapGet("/excess", Excess)
            .WithName("GetExcessInventory")
            .WithSummary(
                "Per FNSKU: daily demand (forecast, else recent sales), units beyond the cover horizon, dead stock (no sale in the "
                    + "configured days). "
                    + "onlyExcess=true lists only FNSKUs with excess or dead stock. Admin keys may pass sellerId."
            );
        group
            .MapGet("/holding-cost-schedule", HoldingCostSchedule)
            .WithName("GetHoldingCostSchedule")
            .WithSummary(
                "The holding cost model in force: monthly storage fee per cubic foot by storage type and season, and the aged-inventory "
                    + "surcharge per age bracket; with the cover, dead-stock and decision horizons."
            );
        return group;
    }

    public static Ok<HoldingCostScheduleResponse> HoldingCostSchedule(LiquidationSettings settings)
    {
        var schedule = settings.HoldingCost;
        return TypedResults.Ok(
            new HoldingCostScheduleResponse(
                [
                    .. schedule
                        .MonthlyFeePerCubicFoot.OrderBy(f => f.Key)
                        .Select(f => new StorageFeeRow(
                            f.Key,
                            new Money(f.Value.OffPeak, ScheduleCurrency),
                            new Money(f.Value.Peak, ScheduleCurrency)
                        )),
                ],
                schedule.PeakStartMonth,
                schedule.PeakEndMonth,
                [
                    .. AgeBrackets.All.Select(b => new SurchargeRow(
                        b,
                        AgeBrackets.Label(b),
                        new Money(schedule.Surcharge(b), ScheduleCurrency)
                    )),
                ],
                settings.DecisionHorizonDays,
                settings.CoverDays,
                settings.DeadStockDays
            )
        );
    }

    public static async Task<Results<Ok<Page<AgedInventoryRow>>, ContentHttpResult, ValidationProblem>> AgedInventory(
        HttpContext http,
        StockRepository stock,
        LiquidationSettings settings,
        TimeProvider time,
        NetworkDirectory network,
        string? fnsku,
        string? fulfillmentCenter,
        string? stockKind,
        string? sellerId,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.Read(limit, cursor, validation);
        validation.Require(fnsku is null || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        validation.Require(
            fulfillmentCenter is null || ReadScope.IsFulfillmentCenter(fulfillmentCenter),
            "fulfillmentCenter",
            ReadScope.FulfillmentCenterRule
        );
        (await network.GetAsync(cancellationToken)).Require(
            validation,
            NetworkReference.FulfillmentCenter,
            "fulfillmentCenter",
            fulfillmentCenter,
            required: false
        );
        var kind = ReadScope.ParseEnum<StockKind>(stockKind, "stockKind", validation);
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var now = time.GetUtcNow();
        var lots = (await stock.LotsAsync(owner!, fnsku?.ToUpperInvariant(), cancellationToken))
            .Where(l =>
                fulfillmentCenter is null || string.Equals(l.FulfillmentCenter, fulfillmentCenter, StringComparison.OrdinalIgnoreCase)
            )
            .Where(l => kind is null || l.StockKind == kind);
        var items = await stock.ItemsAsync(owner!, cancellationToken);
        var sales = await stock.SalesAsync(owner!, now, settings.SalesLookbackDays, cancellationToken);
        var ordered = lots.GroupBy(l => (l.Fnsku, l.FulfillmentCenter, l.StockKind))
            .Select(g =>
            {
                var profile = AgeProfile.Of(g.Select(l => l.Lot), now);
                Money? cost = null;
                if (items.TryGetValue(g.Key.Fnsku, out var item))
                {
                    var itemProfile = ItemProfile.From(
                        item.StorageType,
                        item.Dimensions,
                        item.ListPrice,
                        sales.GetValueOrDefault(g.Key.Fnsku)?.AverageSellingPrice,
                        item.Currency
                    );
                    cost = new Money(
                        HoldingCostModel.MonthlyCost(g.Select(l => l.Lot), itemProfile, settings.HoldingCost, now),
                        item.Currency
                    );
                }

                return new AgedInventoryRow(
                    g.Key.Fnsku,
                    g.Key.FulfillmentCenter,
                    g.Key.StockKind,
                    AgeBracketUnits.From(profile),
                    profile.Total,
                    profile.OldestAgeDays,
                    cost
                );
            })
            .Select(r => (Key: $"{r.Fnsku}|{r.FulfillmentCenter}|{r.StockKind}", Row: r))
            .OrderBy(r => r.Key, StringComparer.Ordinal);
        if (Csv.IsAccepted(http.Request))
        {
            return TypedResults.Text(AgedInventoryCsv(ordered.Select(r => r.Row)), Csv.ContentType);
        }

        var rows = ordered.Where(r => after is null || string.CompareOrdinal(r.Key, after) > 0).Take(take + 1).ToList();
        var page = Cursor.ToPage(rows, take, r => r.Key);
        return TypedResults.Ok(new Page<AgedInventoryRow>([.. page.Items.Select(r => r.Row)], page.NextCursor));
    }

    private static string AgedInventoryCsv(IEnumerable<AgedInventoryRow> rows)
    {
        var csv = new System.Text.StringBuilder(
            Csv.Line(
                "fnsku",
                "fulfillmentCenter",
                "stockKind",
                "days0To90",
                "days91To180",
                "days181To270",
                "days271To365",
                "over365",
                "total",
                "oldestAgeDays",
                "monthlyHoldingCost",
                "currency"
            )
        );
        foreach (var r in rows)
        {
            csv.Append(
                Csv.Line(
                    r.Fnsku,
                    r.FulfillmentCenter,
                    r.StockKind,
                    r.Units.Days0To90,
                    r.Units.Days91To180,
                    r.Units.Days181To270,
                    r.Units.Days271To365,
                    r.Units.Over365,
                    r.Total,
                    r.OldestAgeDays,
                    r.MonthlyHoldingCost?.Amount,
                    r.MonthlyHoldingCost?.Currency
                )
            );
        }

        return csv.ToString();
    }

    public static async Task<Results<Ok<Page<ExcessRow>>, ValidationProblem>> Excess(
        HttpContext http,
        StockRepository stock,
        StockAnalysis analysis,
        TimeProvider time,
        string? fnsku,
        bool? onlyExcess,
        string? sellerId,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.Read(limit, cursor, validation);
        validation.Require(fnsku is null || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var now = time.GetUtcNow();
        var figures = await analysis.FiguresAsync(owner!, now, cancellationToken);
        var rows = analysis
            .Pictures(await stock.LotsAsync(owner!, fnsku?.ToUpperInvariant(), cancellationToken), figures, now)
            .Where(p => onlyExcess != true || p.Excess.ExcessUnits > 0 || p.Excess.IsDeadStock)
            .Where(p => after is null || string.CompareOrdinal(p.Fnsku, after) > 0)
            .Take(take + 1)
            .Select(p => new ExcessRow(
                p.Fnsku,
                p.Item is not null,
                p.Sellable.Total,
                p.Unfulfillable.Total,
                (double)p.Excess.Demand.DailyUnits,
                p.Excess.Demand.Source,
                (double)p.Excess.Demand.RecentDailySales,
                p.Excess.Demand.IsRising,
                p.Excess.CoverDays,
                p.Excess.CoveredUnits,
                p.Excess.ExcessUnits,
                p.Excess.IsDeadStock,
                p.Excess.DaysSinceLastSale,
                p.Sellable.OldestAgeDays,
                AgeBracketUnits.From(p.Sellable),
                p.Item is null || p.MonthlyHoldingCost is null ? null : new Money(p.MonthlyHoldingCost.Value, p.Item.Currency)
            ))
            .ToList();
        return TypedResults.Ok(Cursor.ToPage(rows, take, r => r.Fnsku));
    }
}
