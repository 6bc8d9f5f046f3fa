using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Allocation.Api;

public static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/transfers").WithTags("Transfers");
        group
            .MapPost("/", CreateTransfer)
            .WithName("CreateTransfer")
            .Produces<TransferResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
                "Move units of an FNSKU from one FC to another in the same marketplace: they leave the source's on hand and are in transit "
                    + "at the destination until received. 409 when the source has fewer available. Accepts an Idempotency-Key header."
            );
        group
            .MapPost("/{id:guid}/receive", ReceiveTransfer)
            .WithName("ReceiveTransfer")
            .WithSummary("Confirm a transfer arrived: its units are on hand at the destination.");
        group.MapGet("/{id:guid}", GetTransfer).WithName("GetTransfer").WithSummary("A transfer and where it stands.");
        group.MapGet("/", ListTransfers).WithName("ListTransfers").WithSummary("The seller's transfers, paged by cursor.");
        return group;
    }

    public static async Task<IResult> CreateTransfer(
        CreateTransferRequest request,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        NetworkRepository networks,
        RequestTransferHandler requestTransfer,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        foreach (
            var (field, reason) in TransferRules.Check(
                network,
                request.Fnsku,
                request.FromFulfillmentCenter,
                request.ToFulfillmentCenter,
                request.Quantity
            )
        )
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        try
        {
            return await idempotency.RunAsync(
                seller,
                idempotencyKey,
                http.Request.Path,
                async unit =>
                    (
                        StatusCodes.Status201Created,
                        TransferResponse.From(
                            await requestTransfer.HandleAsync(
                                unit,
                                seller.Id,
                                request.Fnsku!.ToUpperInvariant(),
                                request.FromFulfillmentCenter!.ToUpperInvariant(),
                                request.ToFulfillmentCenter!.ToUpperInvariant(),
                                request.Quantity,
                                TransferOrigin.Manual,
                                Correlation.Of(http)
                            )
                        )
                    ),
                cancellationToken
            );
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("Not enough stock at the source.", conflict.Message);
        }
    }

    public static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> ReceiveTransfer(
        Guid id,
        Seller seller,
        HttpContext http,
        ReceiveTransferHandler receive,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var transfer = await receive.HandleAsync(seller.Id, id, Correlation.Of(http), cancellationToken);
            return transfer is null ? Problems.NotFound("Transfer", id.ToString()) : TypedResults.Ok(TransferResponse.From(transfer));
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The transfer cannot be received.", conflict.Message);
        }
    }

    public static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> GetTransfer(
        Guid id,
        Seller seller,
        TransferRepository transfers,
        CancellationToken cancellationToken
    ) =>
        await transfers.GetAsync(seller.Id, id, cancellationToken) is { } transfer
            ? TypedResults.Ok(TransferResponse.From(transfer))
            : Problems.NotFound("Transfer", id.ToString());

    public static async Task<Results<Ok<Page<TransferResponse>>, ValidationProblem>> ListTransfers(
        Seller seller,
        TransferRepository transfers,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, afterId) = Cursor.ReadGuid(limit, cursor, validation);

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await transfers.ListAsync(seller.Id, take + 1, afterId, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(TransferResponse.From).ToList(), take, t => t.Id.ToString()));
    }
}
