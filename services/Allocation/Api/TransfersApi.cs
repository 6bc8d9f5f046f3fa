using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Allocation.Messaging;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Allocation.Api;

public sealed record CreateTransferRequest(string? Fnsku, string? FromFulfillmentCenter, string? ToFulfillmentCenter, int Quantity);

public sealed record TransferResponse(
    Guid Id,
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity,
    TransferStatus Status,
    TransferOrigin Origin,
    DateTime RequestedAt,
    DateTime? ReceivedAt
)
{
    public static TransferResponse From(TransferRecord t) =>
        new(t.Id, t.Fnsku, t.FromFulfillmentCenter, t.ToFulfillmentCenter, t.Quantity, t.Status, t.Origin, t.RequestedAt, t.ReceivedAt);
}

/// <summary>Moves stock between FCs in the caller's transaction: balances locked in (FNSKU, FC) order, ledger, journal and events
/// together.</summary>
public sealed class TransferDesk(
    StockRepository stock,
    LedgerPosting ledger,
    TransferRepository transfers,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>Takes the units off the source's shelf and puts them in transit to the destination; refuses (throws) when the source has
    /// too few available.</summary>
    public async Task<TransferRecord> RequestAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string from,
        string to,
        int quantity,
        TransferOrigin origin,
        Guid correlationId
    )
    {
        var balances = await stock.LockBalancesAsync(unit, sellerId, [fnsku], [from, to]);
        var atSource = balances.TryGetValue((fnsku, from), out var source) ? source.Available : 0;
        if (atSource < quantity)
        {
            throw new StateConflictException($"Only {atSource} units of {fnsku} are available at {from}.");
        }

        var now = time.GetUtcNow();
        var transfer = new TransferRecord(
            Guid.CreateVersion7(),
            sellerId,
            fnsku,
            from,
            to,
            quantity,
            TransferStatus.InTransit,
            origin,
            correlationId,
            now.UtcDateTime,
            null
        );
        var (outOfSource, intoDestination) = TransferRules.Requested(quantity, transfer.Id);
        foreach (var (fc, movements) in new[] { (from, outOfSource), (to, intoDestination) }.OrderBy(x => x.Item1, StringComparer.Ordinal))
        {
            await ledger.PostAsync(unit, new StockKey(sellerId, fnsku, fc), movements, correlationId);
        }

        await transfers.InsertAsync(unit, transfer);
        await outbox.AddAsync(
            unit,
            new TransferRequested(Guid.CreateVersion7(), now, sellerId, correlationId, transfer.Id, fnsku, from, to, quantity)
        );
        return transfer;
    }

    /// <summary>The transfer arrived: in transit becomes on hand at the destination. Null when there is no such transfer.</summary>
    public async Task<TransferRecord?> ReceiveAsync(UnitOfWork unit, string sellerId, Guid id, Guid correlationId)
    {
        var transfer = await transfers.LockAsync(unit, sellerId, id);
        if (transfer is null)
        {
            return null;
        }

        if (transfer.Status != TransferStatus.InTransit)
        {
            throw new StateConflictException("The transfer was already received.");
        }

        var now = time.GetUtcNow();
        await ledger.PostAsync(
            unit,
            new StockKey(sellerId, transfer.Fnsku, transfer.ToFulfillmentCenter),
            TransferRules.Received(transfer.Quantity, id),
            correlationId
        );
        await transfers.MarkReceivedAsync(unit, id, now.UtcDateTime);
        await outbox.AddAsync(
            unit,
            new TransferCompleted(
                Guid.CreateVersion7(),
                now,
                sellerId,
                correlationId,
                id,
                transfer.Fnsku,
                transfer.ToFulfillmentCenter,
                transfer.Quantity
            )
        );
        return transfer with { Status = TransferStatus.Received, ReceivedAt = now.UtcDateTime };
    }
}

public static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/transfers").WithTags("Transfers");
        group
            .MapPost("/", CreateTransfer)
            .WithName("CreateTransfer")
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
        TransferDesk desk,
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
                            await desk.RequestAsync(
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
        Database database,
        TransferDesk desk,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var transfer = await database.InTransactionAsync(
                unit => desk.ReceiveAsync(unit, seller.Id, id, Correlation.Of(http)),
                cancellationToken
            );
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
