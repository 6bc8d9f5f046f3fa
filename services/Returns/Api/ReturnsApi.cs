using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Returns.Api;

public static class ReturnsApi
{
    public const int MaxQuantity = 10_000;

    public static RouteGroupBuilder MapReturnsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ReturnsService.Descriptor.ApiPrefix}/returns").WithTags("Returns");
        group
            .MapPost("/", CreateReturn)
            .WithName("CreateReturnAuthorization")
            .Produces<ReturnResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
                "Authorize the return of shipped units of an order line, with a reason. Refused (nothing stored) for an unknown order or "
                    + "FNSKU, "
                    + "more units than shipped minus those already authorized, or outside the marketplace's return window. Accepts an "
                    + "Idempotency-Key header."
            );
        group
            .MapGet("/{id:guid}", GetReturn)
            .WithName("GetReturn")
            .WithSummary("A return with its received units and their grades. Admin keys may name another seller with ?sellerId=.");
        group
            .MapGet("/", ListReturns)
            .WithName("ListReturns")
            .WithSummary("The seller's returns (authorized and unexpected), optionally by order or unexpected only, paged by cursor.");
        return group;
    }

    public static async Task<IResult> CreateReturn(
        CreateReturnRequest request,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        AuthorizeReturnHandler authorize,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        validation.Require(request.OrderId is { } o && o != Guid.Empty, "orderId", "Is required: the id of the shipped fulfillment order.");
        validation.Require(Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule);
        validation.Require(request.Quantity is >= 1 and <= MaxQuantity, "quantity", $"Must be between 1 and {MaxQuantity}.");
        validation.Require(
            request.Reason is not null,
            "reason",
            "Is required: " + string.Join(", ", Enum.GetNames<ReturnReason>().Select(Fields.Camel)) + "."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var orderId = request.OrderId!.Value;
        var fnsku = request.Fnsku!.ToUpperInvariant();
        async Task<(int Status, ReturnResponse Body)> Authorize(UnitOfWork unit)
        {
            var record = await authorize.HandleAsync(unit, seller.Id, orderId, fnsku, request.Quantity, request.Reason!.Value);
            return (StatusCodes.Status201Created, ReturnResponse.From(record, []));
        }

        try
        {
            return await idempotency.RunAsync(seller, idempotencyKey, http.Request.Path, Authorize, cancellationToken);
        }
        catch (ReturnRefusedException) when (idempotencyKey is not null)
        {
            // A concurrent request with the same key may have authorized these very units and committed while this one waited
            // for the order's lock: asking again replays its answer, or refuses again if no such request won.
            try
            {
                return await idempotency.RunAsync(seller, idempotencyKey, http.Request.Path, Authorize, cancellationToken);
            }
            catch (ReturnRefusedException refused)
            {
                return Problem(refused);
            }
        }
        catch (ReturnRefusedException refused)
        {
            return Problem(refused);
        }
    }

    public static async Task<Results<Ok<ReturnResponse>, ProblemHttpResult>> GetReturn(
        Guid id,
        HttpContext http,
        string? sellerId,
        ReturnRepository returns,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);

        if (await returns.GetAsync(owner, id, cancellationToken) is not { } record)
        {
            return Problems.NotFound("Return", id.ToString());
        }

        return TypedResults.Ok(ReturnResponse.From(record, await returns.UnitsAsync(id, cancellationToken)));
    }

    public static async Task<Results<Ok<Page<ReturnResponse>>, ValidationProblem, ProblemHttpResult>> ListReturns(
        HttpContext http,
        string? sellerId,
        Guid? orderId,
        bool? unexpected,
        int? limit,
        string? cursor,
        ReturnRepository returns,
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

        var rows = await returns.ListAsync(owner, orderId, unexpected, take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(r => ReturnResponse.From(r)).ToList(), take, r => r.Id.ToString()));
    }

    /// <summary>The answer to a request refused by what is stored: its status, title and the reason per field.</summary>
    internal static ProblemHttpResult Problem(ReturnRefusedException refused) =>
        TypedResults.Problem(
            new HttpValidationProblemDetails(refused.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = refused.Status,
                Title = refused.Title,
                Detail = string.Join(" ", refused.Errors.SelectMany(e => e.Value)),
            }
        );
}
