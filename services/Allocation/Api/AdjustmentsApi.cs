using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Allocation.Api;

/// <summary>
/// Counts by FC operators (the admin scope): a count of a seller's FNSKU at an FC, or in one bin, adjusts the ledger's on hand by
/// the difference, with a reason (found, lost, damaged in the warehouse).
/// </summary>
public static class AdjustmentsApi
{
    public static RouteGroupBuilder MapAdjustmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/admin").WithTags("Adjustments").RequireAdminScope();
        group
            .MapPost("/cycle-counts", RecordCycleCount)
            .WithName("RecordCycleCount")
            .Produces<CycleCountResponse>(StatusCodes.Status201Created)
            .Produces<CycleCountResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .WithSummary(
                "Post a count of a seller's FNSKU at an FC (optionally one bin): the difference from on hand is an adjustment with a "
                    + "reason (default: found when more, lost when fewer), in the journal, published as InventoryAdjusted. 201 with the "
                    + "adjustment; 200 when the count agrees; 409 when it is below the reserved units. Accepts an Idempotency-Key header."
            );
        group
            .MapGet("/adjustments", ListAdjustments)
            .WithName("ListAdjustments")
            .WithSummary("A seller's adjustments from counts, optionally of one FNSKU, oldest first, paged by cursor.");
        return group;
    }

    public static async Task<IResult> RecordCycleCount(
        CycleCountRequest request,
        Seller caller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        NetworkRepository networks,
        RecordCycleCountHandler cycleCounts,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        validation.Require(
            request.SellerId is not null && Seller.IsValidId(request.SellerId),
            "sellerId",
            "Must be 1-64 letters, digits, '-' or '_'."
        );
        validation.Require(Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule);
        validation.Require(
            request.FulfillmentCenter is not null && network.FindCenter(request.FulfillmentCenter.ToUpperInvariant()) is not null,
            "fulfillmentCenter",
            "Must be a fulfillment center of the network."
        );
        validation.Require(
            request.CountedUnits is >= 0 and <= CycleCountRules.MaxUnits,
            "countedUnits",
            $"Is required: the units counted, 0 to {CycleCountRules.MaxUnits}."
        );
        AdjustmentReason? reason = null;
        if (request.Reason is not null)
        {
            reason = ParseReason(request.Reason);
            validation.Require(reason is not null, "reason", "Must be found, lost or damagedInWarehouse.");
        }

        validation.Require(request.Bin is null || IsBin(request.Bin), "bin", "Must be 1-32 letters, digits, '-' or '_'.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var count = new CycleCount(
            request.SellerId!,
            request.Fnsku!.ToUpperInvariant(),
            request.FulfillmentCenter!.ToUpperInvariant(),
            request.Bin,
            request.CountedUnits!.Value,
            reason
        );
        try
        {
            return await idempotency.RunAsync(
                caller,
                idempotencyKey,
                http.Request.Path,
                async unit =>
                {
                    var outcome = await cycleCounts.HandleAsync(unit, count, caller.Id, Correlation.Of(http));
                    return (
                        outcome.Adjustment is null ? StatusCodes.Status200OK : StatusCodes.Status201Created,
                        new CycleCountResponse(
                            count.SellerId,
                            count.Fnsku,
                            count.FulfillmentCenter,
                            count.Bin,
                            count.CountedUnits,
                            outcome.PreviousOnHand,
                            outcome.Balance.OnHand,
                            outcome.Balance.Reserved,
                            outcome.Adjustment is { } adjustment ? AdjustmentResponse.From(adjustment) : null
                        )
                    );
                },
                cancellationToken
            );
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The count cannot be posted.", conflict.Message);
        }
    }

    public static async Task<Results<Ok<Page<AdjustmentResponse>>, ValidationProblem>> ListAdjustments(
        string? sellerId,
        string? fnsku,
        int? limit,
        string? cursor,
        AdjustmentRepository adjustments,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        validation.Require(
            sellerId is not null && Seller.IsValidId(sellerId),
            "sellerId",
            "Is required: 1-64 letters, digits, '-' or '_'."
        );
        validation.Require(string.IsNullOrEmpty(fnsku) || Fnsku.IsValid(fnsku), "fnsku", Fnsku.Rule);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await adjustments.ListAsync(
            sellerId!,
            string.IsNullOrEmpty(fnsku) ? null : fnsku.ToUpperInvariant(),
            take + 1,
            after,
            cancellationToken
        );
        return TypedResults.Ok(Cursor.ToPage(rows.Select(AdjustmentResponse.From).ToList(), take, a => a.Id.ToString()));
    }

    private static AdjustmentReason? ParseReason(string value) =>
        Enum.GetValues<AdjustmentReason>()
            .Select(r => (AdjustmentReason?)r)
            .FirstOrDefault(r => string.Equals(r.ToString(), value, StringComparison.OrdinalIgnoreCase));

    private static bool IsBin(string bin) => bin.Length is >= 1 and <= 32 && bin.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
