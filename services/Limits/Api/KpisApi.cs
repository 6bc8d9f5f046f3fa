using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Limits.Application;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Limits.Api;

/// <summary>The KPIs as JSON and as a PNG chart, for the caller's seller, another seller (admin) or the whole network (admin).</summary>
public static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{LimitsService.Descriptor.ApiPrefix}/kpis").WithTags("KPIs");
        group
            .MapGet("/", GetKpis)
            .WithName("GetKpis")
            .WithSummary(
                "Turnover, sell-through, storage utilization, order defect rate, fulfillment speed p50/p90, in-stock rate, excess share "
                    + "and stranded units "
                    + "over from/to or the last days (default 30), with a daily series (sellerId: admin only)."
            );
        group
            .MapGet("/network", GetNetworkKpis)
            .RequireAdminScope()
            .WithName("GetNetworkKpis")
            .WithSummary("The same KPIs over all sellers, with storage utilization per FC and storage type (admin).");
        group
            .MapGet("/chart.png", GetChart)
            .WithName("GetKpiChart")
            .WithSummary(
                "A PNG line chart of the daily KPI series; kpi is a comma-separated list (default sellThroughRate90Days,inStockRate)."
            )
            .Produces(StatusCodes.Status200OK, contentType: "image/png");
        return group;
    }

    public static async Task<Results<Ok<KpiResponse>, ProblemHttpResult, ValidationProblem>> GetKpis(
        HttpContext http,
        string? sellerId,
        string? from,
        string? to,
        int? days,
        KpiReportHandler kpis,
        SellerAccounts accounts,
        UsageRepository usage,
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

        if (await accounts.FindAsync(seller, cancellationToken) is null)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var report = await kpis.ReportAsync(seller, start, end, cancellationToken);
        var limits = (await accounts.ListLimitsAsync(seller, cancellationToken)).ToDictionary(l => l.StorageType, l => l.LimitCubicFeet);
        var (stored, inbound) = await usage.UsageAsync(seller, cancellationToken);
        var utilization = VolumeByType
            .AllTypes.Select(t => new LimitUtilization(
                t,
                limits.GetValueOrDefault(t),
                Math.Round(stored[t] + inbound[t], 4),
                Math.Round(Kpis.Utilization(stored[t] + inbound[t], limits.GetValueOrDefault(t)), 6)
            ))
            .ToList();
        return TypedResults.Ok(new KpiResponse(seller, report, utilization, []));
    }

    public static async Task<Results<Ok<KpiResponse>, ValidationProblem>> GetNetworkKpis(
        string? from,
        string? to,
        int? days,
        KpiReportHandler kpis,
        NetworkCapacity network,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (start, end) = KpiWindow.Read(from, to, days, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var report = await kpis.ReportAsync(null, start, end, cancellationToken);
        return TypedResults.Ok(new KpiResponse(null, report, [], await NetworkApi.UtilizationAsync(network, cancellationToken)));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> GetChart(
        HttpContext http,
        string? sellerId,
        string? kpi,
        string? from,
        string? to,
        int? days,
        KpiReportHandler kpis,
        SellerAccounts accounts,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var seller = SellerAccess.Of(http, sellerId);
        var (start, end) = KpiWindow.Read(from, to, days, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), validation);
        var names = (kpi ?? "sellThroughRate90Days,inStockRate")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
        validation.Require(
            names.Count > 0 && names.All(KpiChartRenderer.Series.ContainsKey),
            "kpi",
            $"Must be one or more of: {string.Join(", ", KpiChartRenderer.Series.Keys)}."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await accounts.FindAsync(seller, cancellationToken) is null)
        {
            return Problems.NotFound("Seller", sellerId ?? IdentityCheck.Caller(http).SellerId);
        }

        var report = await kpis.ReportAsync(seller, start, end, cancellationToken);
        var png = KpiChartRenderer.Render($"{seller}: {start:yyyy-MM-dd} to {end:yyyy-MM-dd}", report.Series, names);
        return TypedResults.File(png, "image/png", $"kpis-{seller}.png");
    }
}
