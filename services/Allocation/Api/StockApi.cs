using System.Globalization;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Allocation.Api;

public static class StockApi
{
    public static RouteGroupBuilder MapStockApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/stock").WithTags("Stock");
        group
            .MapGet("/", ListStock)
            .WithName("ListStock")
            .WithSummary(
                "The seller's stock per FNSKU and FC, optionally filtered; with asOf (ISO 8601, needs fnsku) as it stood then, rebuilt "
                    + "from the journal. With changedSince (0, then the nextCursor returned) the balances changed since, with their "
                    + "versions, paged by a cursor that misses and repeats no change under concurrent writes. With sellerSku the "
                    + "FNSKU the seller registered under that SKU."
            );
        group
            .MapGet("/marketplaces", ListMarketplaceTotals)
            .WithName("ListMarketplaceStock")
            .WithSummary(
                "The seller's stock summed per marketplace (on hand, reserved, pending removal, available, inbound, in transit, "
                    + "unfulfillable), optionally of one FNSKU or one seller SKU."
            );
        return group;
    }

    public static async Task<Results<Ok<Page<StockResponse>>, Ok<StockChangesPage>, ValidationProblem>> ListStock(
        Seller seller,
        StockRepository stock,
        StockChanges changes,
        NetworkDirectory network,
        string? fnsku,
        string? sellerSku,
        string? fulfillmentCenter,
        string? asOf,
        int? limit,
        string? cursor,
        string? changedSince,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        if (changedSince is not null)
        {
            validation.Require(fnsku is null, "fnsku", "Cannot be combined with changedSince, which lists every FNSKU and FC.");
            validation.Require(sellerSku is null, "sellerSku", "Cannot be combined with changedSince, which lists every FNSKU and FC.");
            validation.Require(fulfillmentCenter is null, "fulfillmentCenter", "Cannot be combined with changedSince.");
            validation.Require(asOf is null, "asOf", "Cannot be combined with changedSince.");
            validation.Require(cursor is null, "cursor", "Cannot be combined with changedSince; pass its nextCursor as changedSince.");
            return (await ChangesAsync(seller, changes, changedSince, limit, validation, cancellationToken)).Result switch
            {
                Ok<StockChangesPage> page => page,
                ValidationProblem problem => problem,
                var other => throw new InvalidOperationException($"Unexpected result {other}."),
            };
        }

        var (take, after) = Cursor.Read(limit, cursor, validation);
        validation.Require(string.IsNullOrEmpty(fnsku) || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        RequireSellerSku(validation, sellerSku);
        validation.Require(
            fulfillmentCenter is null || (fulfillmentCenter.Length <= 10 && fulfillmentCenter.All(char.IsAsciiLetterOrDigit)),
            "fulfillmentCenter",
            "At most 10 letters and digits."
        );
        (await network.GetAsync(cancellationToken)).Require(
            validation,
            NetworkReference.FulfillmentCenter,
            "fulfillmentCenter",
            fulfillmentCenter,
            required: false
        );
        DateTime? asOfTime = null;
        if (asOf is not null)
        {
            validation.Require(
                DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed),
                "asOf",
                "Must be an ISO 8601 time such as 2026-11-27T10:00:00Z."
            );
            validation.Require(fnsku is not null, "fnsku", "Is required with asOf.");
            validation.Require(sellerSku is null, "sellerSku", "Cannot be combined with asOf; name the FNSKU.");
            asOfTime = parsed.UtcDateTime;
        }

        (string, string)? afterKey = null;
        if (after is not null)
        {
            var parts = after.Split('|');
            validation.Require(parts.Length == 2, "cursor", "Is not a cursor this API returned.");
            afterKey = parts.Length == 2 ? (parts[0], parts[1]) : null;
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (asOfTime is { } time)
        {
            var history = await stock.AsOfAsync(seller.Id, fnsku!, time, cancellationToken);
            var items = history
                .Where(r => fulfillmentCenter is null || r.FulfillmentCenter == fulfillmentCenter)
                .Select(StockResponse.From)
                .ToList();
            return TypedResults.Ok(new Page<StockResponse>(items, null));
        }

        var rows = await stock.ListAsync(
            seller.Id,
            fnsku,
            sellerSku,
            fulfillmentCenter?.ToUpperInvariant(),
            take + 1,
            afterKey,
            cancellationToken
        );
        return TypedResults.Ok(Cursor.ToPage(rows.Select(StockResponse.From).ToList(), take, r => $"{r.Fnsku}|{r.FulfillmentCenter}"));
    }

    public static async Task<Results<Ok<IReadOnlyList<MarketplaceStock>>, ValidationProblem>> ListMarketplaceTotals(
        Seller seller,
        StockRepository stock,
        string? fnsku,
        string? sellerSku,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(fnsku is null || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        RequireSellerSku(validation, sellerSku);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(await stock.MarketplaceTotalsAsync(seller.Id, fnsku, sellerSku, cancellationToken));
    }

    // The rule Receiving registers seller SKUs by: anything longer can name no item.
    private static void RequireSellerSku(Validation validation, string? sellerSku) =>
        validation.Require(
            sellerSku is null || (!string.IsNullOrWhiteSpace(sellerSku) && sellerSku.Length <= 64),
            "sellerSku",
            "Must not be empty, at most 64 characters."
        );

    // Incremental sync: ?changedSince= pages the seller's balances by windows of change stamps (see StockChanges for why no
    // committed change is missed or repeated). changedSince=0 starts from the beginning; the cursor (opaque) holds the window's
    // bounds and, within it, the last (FNSKU, FC) handed out.
    private static async Task<Results<Ok<StockChangesPage>, ValidationProblem>> ChangesAsync(
        Seller seller,
        StockChanges changes,
        string changedSince,
        int? limit,
        Validation validation,
        CancellationToken cancellationToken
    )
    {
        validation.Require(limit is null or (>= 1 and <= Cursor.MaxLimit), "limit", $"Must be between 1 and {Cursor.MaxLimit}.");
        var window = Parse(changedSince);
        validation.Require(window is not null, "changedSince", "Must be 0 or a nextCursor this API returned.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var (from, to, after) = window!.Value;
        var upTo = to ?? Math.Max(from, await changes.WatermarkAsync(cancellationToken));
        var take = limit ?? Cursor.DefaultLimit;
        var rows = await changes.ReadAsync(seller.Id, from, upTo, after, take + 1, cancellationToken);
        if (rows.Count > take)
        {
            var last = rows[take - 1].Row;
            return TypedResults.Ok(
                new StockChangesPage(
                    rows.Take(take).Select(StockChangeResponse.From).ToList(),
                    Cursor.Encode(FormattableString.Invariant($"{from}|{upTo}|{last.Fnsku}|{last.FulfillmentCenter}")),
                    CaughtUp: false
                )
            );
        }

        return TypedResults.Ok(
            new StockChangesPage(
                rows.Select(StockChangeResponse.From).ToList(),
                Cursor.Encode(upTo.ToString(CultureInfo.InvariantCulture)),
                CaughtUp: true
            )
        );
    }

    private static (long From, long? To, (string, string)? After)? Parse(string changedSince)
    {
        if (changedSince == "0")
        {
            return (0, null, null);
        }

        if (!Cursor.TryDecode(changedSince, out var text) || text is null)
        {
            return null;
        }

        var parts = text.Split('|');
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (from, null, null);
        }

        return parts.Length == 4
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && to >= from
            && parts[2].Length > 0
            && parts[3].Length > 0
            ? (from, to, (parts[2], parts[3]))
            : null;
    }
}
