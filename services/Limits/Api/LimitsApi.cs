using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Limits.Application;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Limits.Api;

/// <summary>A seller's limits, usage, score and overage, and the on-demand recompute.</summary>
public static class LimitsApi
{
    public static RouteGroupBuilder MapLimitsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(LimitsService.Descriptor.ApiPrefix).WithTags("Limits");
        group
            .MapGet("/limits", GetLimits)
            .WithName("GetCapacityLimits")
            .WithSummary(
                "The seller's capacity limit per storage type in cubic feet, the score they were derived from and the over-limit flag "
                    + "(sellerId: admin only)."
            );
        group
            .MapGet("/usage", GetUsage)
            .WithName("GetCapacityUsage")
            .WithSummary(
                "Per storage type: limit, volume stored, volume inbound under open reservations, what is left and any overage (sellerId: "
                    + "admin only)."
            );
        group
            .MapGet("/score", GetScore)
            .WithName("GetPerformanceScore")
            .WithSummary(
                "The performance score 0-1000 now, with each component, value, weight and points; the score the limits use; and its daily "
                    + "history (days, default 30)."
            );
        group
            .MapGet("/overages", GetOverages)
            .WithName("GetOverages")
            .WithSummary(
                "Days on which stored volume exceeded a limit, the overage volume and the fee charged (from/to or days, default 30)."
            );
        group
            .MapGet("/reservations", GetReservations)
            .WithName("ListCapacityReservations")
            .WithSummary(
                "Capacity reserved for the seller's inbound shipments: reserved, received and outstanding volume (status: open (default) "
                    + "or all)."
            );
        group
            .MapPost("/sellers/{sellerId}/recompute", Recompute)
            .WithName("RecomputeLimits")
            .WithSummary(
                "Recompute a seller's score, limits and overage now (the seller itself or admin); publishes CapacityLimitsUpdated when "
                    + "they change."
            );
        return group;
    }

    public static async Task<Results<Ok<LimitsResponse>, ProblemHttpResult, ValidationProblem>> GetLimits(
        HttpContext http,
        string? sellerId,
        SellerAccounts accounts,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await accounts.FindAsync(seller, cancellationToken) is not { } account)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var limits = await accounts.ListLimitsAsync(seller, cancellationToken);
        return TypedResults.Ok(
            new LimitsResponse(
                seller,
                account.PerformanceScore,
                account.ScoreComputedAt,
                account.OverLimit,
                limits.Select(l => new LimitView(l.StorageType, l.LimitCubicFeet, l.UpdatedAt)).ToList()
            )
        );
    }

    public static async Task<Results<Ok<UsageResponse>, ProblemHttpResult, ValidationProblem>> GetUsage(
        HttpContext http,
        string? sellerId,
        SellerAccounts accounts,
        UsageRepository usage,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await accounts.FindAsync(seller, cancellationToken) is not { } account)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var limits = (await accounts.ListLimitsAsync(seller, cancellationToken)).ToDictionary(l => l.StorageType, l => l.LimitCubicFeet);
        var (stored, inbound) = await usage.UsageAsync(seller, cancellationToken);
        var views = VolumeByType
            .AllTypes.Select(t =>
            {
                var limit = limits.GetValueOrDefault(t);
                var used = stored[t] + inbound[t];
                return new UsageView(
                    t,
                    limit,
                    Math.Round(stored[t], 4),
                    Math.Round(inbound[t], 4),
                    Math.Round(used, 4),
                    Math.Round(Math.Max(0, limit - used), 4),
                    Math.Round(Kpis.Utilization(used, limit), 6),
                    Math.Round(Math.Max(0, stored[t] - limit), 4)
                );
            })
            .ToList();
        return TypedResults.Ok(new UsageResponse(seller, account.OverLimit, views));
    }

    public static async Task<Results<Ok<ScoreResponse>, ProblemHttpResult, ValidationProblem>> GetScore(
        HttpContext http,
        string? sellerId,
        int? days,
        SellerAccounts accounts,
        KpiReportHandler kpis,
        PerformanceRepository performance,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (from, to) = KpiWindow.Read(null, null, days, today, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await accounts.FindAsync(seller, cancellationToken) is not { } account)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var report = await kpis.ReportAsync(seller, today.AddDays(1 - RecomputeLimitsHandler.ScoreWindowDays), today, cancellationToken);
        var score = PerformanceScoring.Compute(
            new ScoreInputs(report.ExcessShare, report.SellThroughRate90Days, report.StrandedShare, report.InStockRate)
        );
        var history = await performance.ScoresAsync(seller, from, to, cancellationToken);
        return TypedResults.Ok(
            new ScoreResponse(seller, score.Score, score.Components, account.PerformanceScore, account.ScoreComputedAt, history)
        );
    }

    public static async Task<Results<Ok<OverageResponse>, ProblemHttpResult, ValidationProblem>> GetOverages(
        HttpContext http,
        string? sellerId,
        string? from,
        string? to,
        int? days,
        SellerAccounts accounts,
        PerformanceRepository performance,
        LimitsOptions options,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        var (start, end) = KpiWindow.Read(from, to, days, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await accounts.FindAsync(seller, cancellationToken) is not { } account)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var items = await performance.OveragesAsync(seller, start, end, cancellationToken);
        return TypedResults.Ok(new OverageResponse(seller, account.OverLimit, items.Sum(i => i.FeeAmount), options.OverageCurrency, items));
    }

    public static async Task<Results<Ok<ReservationsResponse>, ProblemHttpResult, ValidationProblem>> GetReservations(
        HttpContext http,
        string? sellerId,
        string? status,
        UsageRepository usage,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        validation.Require(status is null or "open" or "all", "status", "Must be open or all.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(
            new ReservationsResponse(seller, await usage.ListReservationsAsync(seller, status != "all", cancellationToken))
        );
    }

    public static async Task<Results<Ok<RecomputeResponse>, ProblemHttpResult, ValidationProblem>> Recompute(
        string sellerId,
        HttpContext http,
        SellerAccounts accounts,
        RecomputeLimitsHandler recompute,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var caller = IdentityCheck.Caller(http);
        validation.Require(Seller.IsValidId(sellerId), "sellerId", "Must be 1-64 letters, digits, '-' or '_'.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        // Another seller's limits are not there for a partner to see; an admin recomputes only sellers Limits knows.
        var own = sellerId == caller.SellerId;
        if ((!own && !caller.IsAdmin) || (!own && await accounts.FindAsync(sellerId, cancellationToken) is null))
        {
            return Problems.NotFound("Seller", sellerId);
        }

        var result = await recompute.RecomputeAsync(sellerId, Correlation.Of(http), cancellationToken);
        return TypedResults.Ok(
            new RecomputeResponse(
                result.SellerId,
                result.Score.Score,
                result.Score.Components,
                result.IsNewSeller,
                result.Limits,
                result.LimitsChanged,
                result.Overages,
                result.ComputedAt
            )
        );
    }
}
