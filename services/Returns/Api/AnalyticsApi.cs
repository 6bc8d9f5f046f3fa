using System.Globalization;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Returns.Api;

public static class AnalyticsApi
{
    public const int DefaultWindowDays = 30;

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = ReturnsService.Descriptor.ApiPrefix;
        var analytics = routes.MapGroup($"{prefix}/analytics").WithTags("Return analytics");
        analytics
            .MapGet("/return-rates", ListReturnRates)
            .WithName("ListReturnRates")
            .WithSummary(
                "Return rate per FNSKU (returned ÷ shipped units) over a window (from/to, ISO 8601; default the last 30 days), paged by "
                    + "FNSKU."
            );
        analytics
            .MapGet("/summary", GetSummary)
            .WithName("GetReturnSummary")
            .WithSummary(
                "The seller's return rate over a window, with reasons, grades and dispositions broken down and the reimbursements owed."
            );
        routes
            .MapGet($"{prefix}/reimbursements", ListReimbursements)
            .WithTags("Return analytics")
            .WithName("ListReimbursements")
            .WithSummary(
                "Reimbursements the network owes the seller for units a carrier or an FC damaged, optionally for one return, paged by "
                    + "cursor."
            );
        return routes;
    }

    public static async Task<Results<Ok<Page<FnskuReturnRate>>, ValidationProblem, ProblemHttpResult>> ListReturnRates(
        HttpContext http,
        string? sellerId,
        string? from,
        string? to,
        string? fnsku,
        int? limit,
        string? cursor,
        AnalyticsRepository analytics,
        HighReturnRatePolicy policy,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

        var validation = new Validation();
        var window = Window(from, to, time, validation);
        var (take, after) = Cursor.Read(limit, cursor, validation);
        validation.Require(fnsku is null || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await analytics.RatesAsync(owner, window.From, window.To, fnsku?.ToUpperInvariant(), take + 1, after, cancellationToken);
        var rates = rows.Select(r =>
            {
                var rate = ReturnRates.Of(r.ReturnedUnits, r.ShippedUnits);
                return new FnskuReturnRate(
                    r.Fnsku,
                    r.ShippedUnits,
                    r.ReturnedUnits,
                    rate,
                    HighReturnRateAlarm.Evaluate(false, r.ReturnedUnits, r.ShippedUnits, policy).Above
                );
            })
            .ToList();
        return TypedResults.Ok(Cursor.ToPage(rates, take, r => r.Fnsku));
    }

    public static async Task<Results<Ok<ReturnSummary>, ValidationProblem, ProblemHttpResult>> GetSummary(
        HttpContext http,
        string? sellerId,
        string? from,
        string? to,
        AnalyticsRepository analytics,
        HighReturnRatePolicy policy,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

        var validation = new Validation();
        var window = Window(from, to, time, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var figures = await analytics.SummaryAsync(owner, window.From, window.To, cancellationToken);
        return TypedResults.Ok(
            new ReturnSummary(
                window.From,
                window.To,
                figures.ShippedUnits,
                figures.ReturnedUnits,
                ReturnRates.Of(figures.ReturnedUnits, figures.ShippedUnits),
                figures.UnexpectedUnits,
                figures
                    .Reasons.Select(r => new UnitsBy<string>(Fields.Camel(r.Reason ?? "Unstated"), r.Units))
                    .OrderByDescending(r => r.Units)
                    .ThenBy(r => r.Key, StringComparer.Ordinal)
                    .ToList(),
                figures
                    .Grades.Select(g => new UnitsBy<string>(Fields.Camel(g.Grade), g.Units))
                    .OrderByDescending(g => g.Units)
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .ToList(),
                figures
                    .Dispositions.Select(d => new UnitsBy<string>(Fields.Camel(d.Disposition), d.Units))
                    .OrderByDescending(d => d.Units)
                    .ThenBy(d => d.Key, StringComparer.Ordinal)
                    .ToList(),
                figures
                    .Reimbursements.Select(r => new ReimbursementsOwed(r.Currency, r.Units, r.Amount))
                    .OrderBy(r => r.Currency, StringComparer.Ordinal)
                    .ToList(),
                policy.Threshold
            )
        );
    }

    public static async Task<Results<Ok<Page<ReimbursementResponse>>, ValidationProblem, ProblemHttpResult>> ListReimbursements(
        HttpContext http,
        string? sellerId,
        Guid? returnId,
        int? limit,
        string? cursor,
        AnalyticsRepository analytics,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await analytics.ReimbursementsAsync(owner, returnId, take + 1, after, cancellationToken);
        var items = rows.Select(r => new ReimbursementResponse(
                r.Id,
                r.Reason,
                r.ReturnId,
                r.InspectionId,
                r.AdjustmentId,
                r.Fnsku,
                r.Units,
                new Money(r.UnitPrice, r.Currency),
                new Money(r.Amount, r.Currency),
                r.CreatedAt
            ))
            .ToList();
        return TypedResults.Ok(Cursor.ToPage(items, take, r => r.Id.ToString()));
    }

    private static (DateTime From, DateTime To) Window(string? from, string? to, TimeProvider time, Validation validation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var end = Parse(to, "to", validation) ?? now;
        var start = Parse(from, "from", validation) ?? end.AddDays(-DefaultWindowDays);
        validation.Require(start < end, "from", "Must be before 'to'.");
        return (start, end);
    }

    private static DateTime? Parse(string? value, string field, Validation validation)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        validation.Add(field, "Must be an ISO 8601 time such as 2026-11-27T10:00:00Z.");
        return null;
    }
}
