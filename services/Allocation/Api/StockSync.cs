using System.Globalization;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Allocation.Api;

/// <summary>
/// Incremental sync: <c>GET /stock?changedSince=</c> pages the seller's balances by windows of change stamps (see
/// <see cref="StockChanges"/> for why no committed change is missed or repeated). <c>changedSince=0</c> starts from the
/// beginning; the cursor (opaque) holds the window's bounds and, within it, the last (FNSKU, FC) handed out.
/// </summary>
public static class StockSync
{
    public const string Beginning = "0";

    public static async Task<Results<Ok<StockChangesPage>, ValidationProblem>> ChangesAsync(
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
        if (changedSince == Beginning)
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
