using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>Replenishment settings, recommendations and restock alerts.</summary>
public static class ReplenishmentApi
{
    public static RouteGroupBuilder MapReplenishmentApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ForecastingService.Descriptor.ApiPrefix;
        var group = routes.MapGroup($"{prefix}/replenishment").WithTags("Replenishment");
        group
            .MapPut("/settings/{fnsku}", PutSettings)
            .WithName("SetReplenishmentSettings")
            .WithSummary(
                "Set an FNSKU's lead time, review period, minimum order quantity, case pack and target service level; the recommendation "
                    + "is re-evaluated at once. "
                    + "Omitted fields keep their current (or default) value."
            );
        group
            .MapGet("/settings/{fnsku}", GetSettings)
            .WithName("GetReplenishmentSettings")
            .WithSummary("An FNSKU's replenishment settings (the defaults until set).");
        group
            .MapGet("/", ListRecommendations)
            .WithName("ListReplenishmentRecommendations")
            .WithSummary(
                "Per FNSKU: reorder point, safety stock, order-up-to level, recommended units (case packs, MOQ), days of supply, urgency "
                    + "and ship-by date; paged by cursor. With Accept: text/csv every recommendation as one CSV download."
            );
        group
            .MapGet("/{fnsku}", GetRecommendation)
            .WithName("GetReplenishmentRecommendation")
            .WithSummary(
                "The current replenishment recommendation of one FNSKU, with the available, inbound and in-transit units it counts "
                    + "per FC."
            );

        routes
            .MapGet($"{prefix}/alerts", ListAlerts)
            .WithTags("Replenishment")
            .WithName("ListRestockAlerts")
            .WithSummary(
                "Restock alerts, newest first: one each time an FNSKU's inventory position fell to its reorder point (again only after it "
                    + "recovered). ?fnsku filters."
            );
        return group;
    }

    public static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult, ValidationProblem>> PutSettings(
        string fnsku,
        SettingsRequest request,
        Seller seller,
        HttpContext http,
        SalesRepository sales,
        SetReplenishmentSettingsHandler settings,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (!await sales.IsKnownAsync(seller.Id, fnsku, cancellationToken))
        {
            return Problems.NotFound("FNSKU", fnsku);
        }

        var change = await settings.HandleAsync(
            seller.Id,
            fnsku,
            current => new ReplenishmentSettings(
                request.LeadTimeDays ?? current.LeadTimeDays,
                request.ReviewPeriodDays ?? current.ReviewPeriodDays,
                request.MinimumOrderQuantity ?? current.MinimumOrderQuantity,
                request.CasePack ?? current.CasePack,
                request.ServiceLevel ?? current.ServiceLevel
            ),
            Correlation.Of(http),
            cancellationToken
        );
        foreach (var (field, reason) in change.Problems)
        {
            validation.Add(field, reason);
        }

        return change.Saved ? TypedResults.Ok(Response(fnsku, change.Settings, false)) : validation.Problem();
    }

    public static async Task<Results<Ok<SettingsResponse>, ProblemHttpResult>> GetSettings(
        string fnsku,
        Seller seller,
        Database database,
        SalesRepository sales,
        CalendarRepository calendar,
        CancellationToken cancellationToken
    )
    {
        if (!await sales.IsKnownAsync(seller.Id, fnsku, cancellationToken))
        {
            return Problems.NotFound("FNSKU", fnsku);
        }

        var (settings, isDefault) = await database.InTransactionAsync(
            unit => calendar.SettingsAsync(unit, seller.Id, fnsku),
            cancellationToken
        );
        return TypedResults.Ok(Response(fnsku, settings, isDefault));
    }

    public static async Task<Results<Ok<Page<RecommendationRecord>>, ContentHttpResult, ValidationProblem>> ListRecommendations(
        HttpRequest request,
        int? limit,
        string? cursor,
        Seller seller,
        ForecastRepository forecasts,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.Read(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (Csv.IsAccepted(request))
        {
            return TypedResults.Text(await RecommendationsCsvAsync(seller.Id, forecasts, cancellationToken), Csv.ContentType);
        }

        var rows = await forecasts.RecommendationsAsync(seller.Id, null, after, take + 1, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows, take, r => r.Fnsku));
    }

    public static async Task<Results<Ok<ReplenishmentResponse>, ProblemHttpResult>> GetRecommendation(
        string fnsku,
        Seller seller,
        ForecastRepository forecasts,
        SalesRepository sales,
        CancellationToken cancellationToken
    ) =>
        await forecasts.RecommendationsAsync(seller.Id, fnsku, null, 1, cancellationToken) is [var recommendation, ..]
            ? TypedResults.Ok(ReplenishmentResponse.From(recommendation, await sales.PositionsAsync(seller.Id, fnsku, cancellationToken)))
            : Problems.NotFound("Recommendation", fnsku);

    /// <summary>Every recommendation of the seller as CSV, read a page of 500 at a time.</summary>
    private static async Task<string> RecommendationsCsvAsync(
        string sellerId,
        ForecastRepository forecasts,
        CancellationToken cancellationToken
    )
    {
        var csv = new System.Text.StringBuilder(
            Csv.Line(
                "fnsku",
                "available",
                "inbound",
                "inTransit",
                "leadTimeDemand",
                "safetyStock",
                "reorderPoint",
                "orderUpToLevel",
                "recommendedUnits",
                "daysOfSupply",
                "urgency",
                "shipBy",
                "evaluatedAt"
            )
        );
        string? after = null;
        while (true)
        {
            var rows = await forecasts.RecommendationsAsync(sellerId, null, after, Cursor.MaxLimit, cancellationToken);
            foreach (var r in rows)
            {
                csv.Append(
                    Csv.Line(
                        r.Fnsku,
                        r.Available,
                        r.Inbound,
                        r.InTransit,
                        r.LeadTimeDemand,
                        r.SafetyStock,
                        r.ReorderPoint,
                        r.OrderUpToLevel,
                        r.RecommendedUnits,
                        r.DaysOfSupply,
                        r.Urgency,
                        r.ShipBy,
                        r.EvaluatedAt
                    )
                );
            }

            if (rows.Count < Cursor.MaxLimit)
            {
                return csv.ToString();
            }

            after = rows[^1].Fnsku;
        }
    }

    public static async Task<Results<Ok<Page<AlertRecord>>, ValidationProblem>> ListAlerts(
        string? fnsku,
        int? limit,
        string? cursor,
        Seller seller,
        ForecastRepository forecasts,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, before) = Cursor.ReadGuid(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await forecasts.AlertsAsync(seller.Id, fnsku, before, take + 1, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows, take, a => a.Id.ToString()));
    }

    private static SettingsResponse Response(string fnsku, ReplenishmentSettings s, bool isDefault) =>
        new(fnsku, s.LeadTimeDays, s.ReviewPeriodDays, s.MinimumOrderQuantity, s.CasePack, s.ServiceLevel, isDefault);
}
