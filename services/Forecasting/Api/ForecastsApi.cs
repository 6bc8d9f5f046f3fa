using System.Text.Json;
using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>Forecasts (refresh on demand, read with intervals, chart) and their accuracy.</summary>
public static class ForecastsApi
{
    public static RouteGroupBuilder MapForecastsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ForecastingService.Descriptor.ApiPrefix;
        var group = routes.MapGroup($"{prefix}/forecasts").WithTags("Forecasts");
        group
            .MapPost("/refresh", Refresh)
            .WithName("RefreshForecasts")
            .WithSummary(
                "Start remaking the seller's forecasts (they are also remade on a schedule): 202 Accepted at once with the refresh "
                    + "operation and its Location; poll it until succeeded or failed. Every FNSKU and region, 13 weeks daily, model "
                    + "chosen per series by rolling-origin backtest; publishes DemandForecastUpdated per FNSKU and re-evaluates "
                    + "replenishment. One refresh per seller at a time: while one is queued or running, a POST returns that one "
                    + "(same id). Idempotency-Key honoured; an admin may act for ?sellerId=."
            )
            .Produces<RefreshOperationResponse>(StatusCodes.Status202Accepted);
        group
            .MapGet("/operations/{id}", GetOperation)
            .WithName("GetForecastRefreshOperation")
            .WithSummary(
                "A refresh operation: status (queued, running, succeeded, failed), progress (series done of the total), counts "
                    + "(forecast, skipped, guarded), the first errors with series and reason, and its times. 404 for another seller's."
            );
        group.MapGet("/", ListForecasts).WithName("ListForecasts").WithSummary("FNSKUs with a forecast, paged by cursor.");
        group
            .MapGet("/{fnsku}", GetForecast)
            .WithName("GetForecast")
            .WithSummary(
                "An FNSKU's daily forecast for 13 weeks with P10/P50/P90, in total and per region, with the model chosen, every "
                    + "candidate's backtest accuracy, and the guard: why a region's forecast was capped, if it was."
            );
        group
            .MapGet("/{fnsku}/chart.png", GetChart)
            .WithName("GetForecastChart")
            .WithSummary("A PNG chart of the FNSKU's last 13 weeks of sales and its forecast with the P10-P90 band.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");

        routes
            .MapGet($"{prefix}/accuracy", ListAccuracy)
            .WithTags("Forecasts")
            .WithName("ListForecastAccuracy")
            .WithSummary(
                "Per FNSKU: MAPE, WAPE and bias of the forecasts of the last 28 days against the actual sales, P10-P90 coverage and "
                    + "pinball loss of their intervals, measured at each refresh. ?fnsku filters."
            );
        return group;
    }

    public static async Task<IResult> Refresh(
        string? sellerId,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        Seller seller,
        HttpContext http,
        RefreshForecastsHandler refresh,
        RefreshOperationRunner runner,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var owner = SellerAccess.Of(http, sellerId);
        var result = await idempotency.RunAsync(
            seller,
            idempotencyKey,
            $"{ForecastingService.Descriptor.ApiPrefix}/forecasts/refresh?sellerId={owner}",
            async unit =>
            {
                var (operation, created) = await refresh.StartAsync(unit, owner, Correlation.Of(http));
                if (created)
                {
                    unit.AfterCommit(() => runner.RunInBackground(operation.Id));
                }

                return (StatusCodes.Status202Accepted, Response(operation));
            },
            cancellationToken
        );
        if (OperationId(result) is { } id)
        {
            http.Response.Headers.Location = OperationPath(id, owner, seller);
        }

        return result;
    }

    public static async Task<Results<Ok<RefreshOperationResponse>, ProblemHttpResult, ValidationProblem>> GetOperation(
        string id,
        string? sellerId,
        Seller seller,
        HttpContext http,
        RefreshOperationRepository operations,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(Guid.TryParse(id, out var operationId), "id", "Must be a UUID.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var owner = SellerAccess.Of(http, sellerId);
        return await operations.FindAsync(owner, operationId, cancellationToken) is { } operation
            ? TypedResults.Ok(Response(operation))
            : Problems.NotFound("Refresh operation", id);
    }

    public static async Task<Results<Ok<Page<string>>, ValidationProblem>> ListForecasts(
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

        var rows = await forecasts.ForecastFnskusAsync(seller.Id, after, take + 1, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows, take, f => f));
    }

    public static async Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> GetForecast(
        string fnsku,
        Seller seller,
        ForecastRepository forecasts,
        MarketplaceSettingsRepository settings,
        CancellationToken cancellationToken
    )
    {
        var models = await forecasts.ModelsAsync(seller.Id, fnsku, cancellationToken);
        if (models.Count == 0)
        {
            return Problems.NotFound("Forecast", fnsku);
        }

        var days = await forecasts.DaysAsync(seller.Id, fnsku, cancellationToken);
        var total = Total(days);
        var regions = models
            .Select(m => new RegionForecast(
                m.Region,
                m.Model,
                JsonSerializer.Deserialize<List<CandidateAccuracy>>(m.Candidates, JsonDefaults.Options) ?? [],
                days.Where(d => d.Region == m.Region).Select(d => new ForecastPoint(d.Date, d.P10, d.P50, d.P90)).ToList(),
                m.Guard
            ))
            .ToList();
        var period = await settings.PeriodOfItemAsync(seller.Id, fnsku, cancellationToken);
        return TypedResults.Ok(
            new ForecastResponse(
                fnsku,
                total.FirstOrDefault()?.Date ?? default,
                total.Count,
                models.Max(m => m.MadeAt),
                total.Sum(t => t.P50),
                total,
                regions,
                MarketplaceSettingsRepository.PeriodName(period),
                period == ForecastPeriod.Weekly ? WeeklyPeriods.Buckets(total) : null
            )
        );
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetChart(
        string fnsku,
        Seller seller,
        ForecastRepository forecasts,
        SalesRepository sales,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var days = await forecasts.DaysAsync(seller.Id, fnsku, cancellationToken);
        if (days.Count == 0)
        {
            return Problems.NotFound("Forecast", fnsku);
        }

        var total = Total(days);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var history = await sales.HistoryAsync(seller.Id, fnsku, today.AddDays(-91), today.AddDays(-1), cancellationToken);
        var actual = history.GroupBy(h => h.Date).OrderBy(g => g.Key).Select(g => (g.Key, (double)g.Sum(h => h.Units))).ToList();
        return TypedResults.File(ForecastChart.Png(fnsku, actual, total), "image/png");
    }

    public static async Task<Ok<IReadOnlyList<AccuracyRecord>>> ListAccuracy(
        string? fnsku,
        Seller seller,
        ForecastRepository forecasts,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await forecasts.AccuracyAsync(seller.Id, fnsku, cancellationToken));

    private static RefreshOperationResponse Response(RefreshOperation operation) =>
        new(
            operation.Id,
            operation.SellerId,
            operation.Status,
            operation.TriggerSource,
            operation.Phase,
            new RefreshProgress(operation.SeriesDone, operation.SeriesTotal),
            new RefreshCounts(operation.Forecast, operation.Skipped, operation.Guarded),
            JsonSerializer.Deserialize<List<RefreshError>>(operation.Errors, JsonDefaults.Options) ?? [],
            operation.RequestedAt,
            operation.StartedAt,
            operation.FinishedAt
        );

    /// <summary>The operation a refresh answered with: the one just started, or the one an Idempotency-Key replays.</summary>
    private static Guid? OperationId(IResult result) =>
        result switch
        {
            IValueHttpResult { Value: RefreshOperationResponse operation } => operation.Id,
            ContentHttpResult { StatusCode: StatusCodes.Status202Accepted, ResponseContent: { } body } => JsonSerializer
                .Deserialize<RefreshOperationResponse>(body, JsonDefaults.Options)
                ?.Id,
            _ => null,
        };

    private static string OperationPath(Guid id, string owner, Seller caller) =>
        $"{ForecastingService.Descriptor.ApiPrefix}/forecasts/operations/{id}"
        + (owner == caller.Id ? "" : $"?{SellerAccess.Parameter}={Uri.EscapeDataString(owner)}");

    private static List<ForecastPoint> Total(IReadOnlyList<ForecastDay> days) =>
        days.GroupBy(d => d.Date)
            .OrderBy(g => g.Key)
            .Select(g => new ForecastPoint(g.Key, g.Sum(d => d.P10), g.Sum(d => d.P50), g.Sum(d => d.P90)))
            .ToList();
}
