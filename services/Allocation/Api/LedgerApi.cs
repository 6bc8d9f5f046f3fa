using System.Globalization;
using System.Text;
using System.Text.Json;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Allocation.Api;

/// <summary>
/// The journal export for reconciliation: every movement of the seller in [from, to), streamed as NDJSON (the default,
/// <c>Accept: application/x-ndjson</c>) or CSV (<c>Accept: text/csv</c>), with no row cap.
/// </summary>
public static class LedgerApi
{
    public const string NdjsonContentType = "application/x-ndjson";

    private const string TimeRule = "Must be an ISO 8601 time such as 2026-11-27T10:00:00Z.";

    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/ledger").WithTags("Ledger");
        group
            .MapGet("/entries", ExportEntries)
            .WithName("ExportLedgerEntries")
            .WithSummary(
                "The seller's journal movements with from <= occurredAt < to (ISO 8601, both required), oldest first, streamed "
                    + "whole: NDJSON by default or with Accept: application/x-ndjson, CSV with Accept: text/csv."
            )
            .Produces<JournalEntry>(StatusCodes.Status200OK, NdjsonContentType, Csv.ContentType)
            .ProducesValidationProblem();
        return group;
    }

    public static IResult ExportEntries(HttpRequest request, Seller seller, JournalExport journal, string? from, string? to)
    {
        var validation = new Validation();
        var start = ReadTime(validation, "from", from);
        var end = ReadTime(validation, "to", to);
        if (start is not null && end is not null)
        {
            validation.Require(end > start, "to", "Must be later than from.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var csv = Csv.IsAccepted(request);
        return TypedResults.Stream(
            async body =>
            {
                var token = request.HttpContext.RequestAborted;
                await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
                if (csv)
                {
                    await writer.WriteAsync(
                        Csv.Line("id", "fnsku", "fulfillmentCenter", "bucket", "quantity", "reason", "sourceId", "occurredAt")
                    );
                }

                await foreach (var entry in journal.ReadAsync(seller.Id, start!.Value, end!.Value, token))
                {
                    await writer.WriteAsync(
                        csv
                            ? Csv.Line(
                                entry.Id,
                                entry.Fnsku,
                                entry.FulfillmentCenter,
                                entry.Bucket,
                                entry.Quantity,
                                entry.Reason,
                                entry.SourceId,
                                entry.OccurredAt
                            )
                            : JsonSerializer.Serialize(entry, JsonDefaults.Options) + "\n"
                    );
                }

                await writer.FlushAsync(token);
            },
            csv ? Csv.ContentType : NdjsonContentType
        );
    }

    private static DateTime? ReadTime(Validation validation, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            validation.Add(field, "Is required: an ISO 8601 time such as 2026-11-27T10:00:00Z.");
            return null;
        }

        var valid = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        validation.Require(valid, field, TimeRule);
        return valid ? parsed.UtcDateTime : null;
    }
}
