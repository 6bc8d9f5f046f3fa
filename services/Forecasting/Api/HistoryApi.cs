using System.Globalization;
using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>Imports a seller's past sales (JSON or CSV), all or nothing, and reads the daily history back.</summary>
public static class HistoryApi
{
    public const int MaxRows = 200_000;
    public const string CsvHeader = "date,fnsku,region,units";

    public static RouteGroupBuilder MapHistoryApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ForecastingService.Descriptor.ApiPrefix}/history").WithTags("Sales history");
        group
            .MapPost("/import", ImportJson)
            .WithName("ImportSalesHistory")
            .Produces<ImportResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .WithSummary(
                "Import past daily sales {date, fnsku, region, units} so forecasts start from the seller's history. A day imported again "
                    + "is replaced. With \"period\": \"weekly\" each row is the units of the ISO week starting on its date (a Monday; "
                    + "the week over): they are spread over its days in whole units, replacing the week. "
                    + "Any invalid row rejects the whole import (400 naming each row and field) and nothing is stored."
            );
        group
            .MapPost("/import/csv", ImportCsv)
            .WithName("ImportSalesHistoryCsv")
            .Produces<ImportResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .WithSummary(
                $"Import past daily sales as CSV (text/csv) with the header '{CsvHeader}'. Errors name their line numbers; "
                    + "any bad line rejects the whole file and nothing is stored. ?marketplace= sets the marketplace of new FNSKUs "
                    + "(default US)."
            )
            .Accepts<string>("text/csv");
        group
            .MapGet("/{fnsku}", GetHistory)
            .WithName("GetSalesHistory")
            .WithSummary("Daily units sold of an FNSKU per region between ?from and ?to (default: the last 91 days).");
        return group;
    }

    public static async Task<IResult> ImportJson(
        ImportHistoryRequest request,
        Seller seller,
        ImportSalesHistoryHandler import,
        NetworkDirectory directory,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var network = await directory.GetAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var marketplace = request.Marketplace ?? "US";
        validation.Require(MarketCodes.IsMarketplace(marketplace), "marketplace", "Must be 2-10 capital letters.");
        network.Require(validation, NetworkReference.Marketplace, "marketplace", marketplace);
        validation.Require(request.Sales is { Count: > 0 and <= MaxRows }, "sales", $"Must hold 1 to {MaxRows} rows.");
        validation.Require(request.Period is null or "daily" or "weekly", "period", "Must be daily or weekly.");
        var weekly = request.Period == "weekly";
        validation.Require(!weekly || request.Sales is not { Count: > MaxRows / 7 }, "sales", $"Must hold at most {MaxRows / 7} weeks.");
        var rows = new List<DailySale>();
        for (var i = 0; i < (request.Sales?.Count ?? 0) && i < MaxRows; i++)
        {
            var sale = request.Sales![i];
            foreach (var (field, reason) in Check(sale.Date, sale.Fnsku, sale.Region, sale.Units, today, network))
            {
                validation.Add($"sales[{i}].{field}", reason);
            }

            if (weekly && sale.Date is { } monday)
            {
                validation.Require(monday.DayOfWeek == DayOfWeek.Monday, $"sales[{i}].date", "Must be a Monday (an ISO week's start).");
                validation.Require(monday.AddDays(6) < today, $"sales[{i}].date", "The week must be over.");
            }

            if (validation.IsValid)
            {
                rows.AddRange(
                    weekly
                        ? SpreadWeek(sale.Fnsku!, sale.Region!, sale.Date!.Value, sale.Units!.Value)
                        : [new DailySale(sale.Fnsku!, sale.Region!, sale.Date!.Value, sale.Units!.Value)]
                );
            }
        }

        return validation.IsValid
            ? TypedResults.Ok(await import.HandleAsync(seller.Id, marketplace, rows, cancellationToken))
            : validation.Problem();
    }

    public static async Task<IResult> ImportCsv(
        HttpRequest http,
        Seller seller,
        string? marketplace,
        ImportSalesHistoryHandler import,
        NetworkDirectory directory,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var network = await directory.GetAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        marketplace ??= "US";
        validation.Require(MarketCodes.IsMarketplace(marketplace), "marketplace", "Must be 2-10 capital letters.");
        network.Require(validation, NetworkReference.Marketplace, "marketplace", marketplace);
        using var reader = new StreamReader(http.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (
            lines.Count == 0
            || !string.Equals(lines[0].Replace(" ", "", StringComparison.Ordinal), CsvHeader, StringComparison.OrdinalIgnoreCase)
        )
        {
            validation.Add("line 1", $"The first line must be the header '{CsvHeader}'.");
        }

        validation.Require(lines.Count is > 1 and <= MaxRows + 1, "body", $"Must hold 1 to {MaxRows} rows after the header.");
        var rows = new List<DailySale>();
        for (var n = 2; n <= lines.Count && n <= MaxRows + 1; n++)
        {
            var cells = lines[n - 1].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4)
            {
                validation.Add($"line {n}", $"Has {cells.Length} fields; expected 4 ({CsvHeader}).");
                continue;
            }

            DateOnly? date = DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : null;
            int? units = int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
            var problems = Check(date, cells[1], cells[2], units, today, network).ToList();
            if (date is null)
            {
                problems.RemoveAll(p => p.Field == "date");
                problems.Add(("date", $"'{cells[0]}' is not a date (yyyy-MM-dd)."));
            }

            if (units is null)
            {
                problems.RemoveAll(p => p.Field == "units");
                problems.Add(("units", $"'{cells[3]}' is not a whole number of units."));
            }

            foreach (var (field, reason) in problems)
            {
                validation.Add($"line {n}", $"{field}: {reason}");
            }

            if (problems.Count == 0)
            {
                rows.Add(new DailySale(cells[1], cells[2], date!.Value, units!.Value));
            }
        }

        return validation.IsValid
            ? TypedResults.Ok(await import.HandleAsync(seller.Id, marketplace, rows, cancellationToken))
            : validation.Problem();
    }

    public static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult, ValidationProblem>> GetHistory(
        string fnsku,
        DateOnly? from,
        DateOnly? to,
        Seller seller,
        SalesRepository sales,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var end = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = from ?? end.AddDays(-90);
        var validation = new Validation().Require(
            start <= end && end.DayNumber - start.DayNumber <= 3 * 366,
            "from",
            "Must be on or before 'to' and at most three years before it."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (!await sales.IsKnownAsync(seller.Id, fnsku, cancellationToken))
        {
            return Problems.NotFound("FNSKU", fnsku);
        }

        var days = await sales.HistoryAsync(seller.Id, fnsku, start, end, cancellationToken);
        return TypedResults.Ok(
            new HistoryResponse(fnsku, start, end, days.Select(d => new HistoryDay(d.Date, d.Region, d.Units)).ToList())
        );
    }

    /// <summary>A week's units over its seven days in whole units, the remainder on the first days: the week sums exactly.</summary>
    private static IEnumerable<DailySale> SpreadWeek(string fnsku, string region, DateOnly monday, int units) =>
        Enumerable.Range(0, 7).Select(d => new DailySale(fnsku, region, monday.AddDays(d), units / 7 + (d < units % 7 ? 1 : 0)));

    private static IEnumerable<(string Field, string Reason)> Check(
        DateOnly? date,
        string? fnsku,
        string? region,
        int? units,
        DateOnly today,
        NetworkReferences network
    )
    {
        if (date is null)
        {
            yield return ("date", "Is required.");
        }
        else if (date > today)
        {
            yield return ("date", "Must not be in the future.");
        }
        else if (date < today.AddYears(-5))
        {
            yield return ("date", "Must be within the last five years.");
        }

        if (!Fnsku.IsValid(fnsku))
        {
            yield return ("fnsku", $"'{fnsku}': {Fnsku.Rule}");
        }

        if (!MarketCodes.IsRegion(region))
        {
            yield return ("region", "Must be 1-40 letters, digits, '-' or '_'.");
        }
        else if (!network.IsRegion(region))
        {
            yield return ("region", $"'{region}' is not a region of the network.");
        }

        if (units is null or < 0 or > 1_000_000)
        {
            yield return ("units", "Must be a whole number from 0 to 1000000.");
        }
    }
}
