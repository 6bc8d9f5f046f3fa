using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Returns.Api;

public sealed record CreateReturnRequest(Guid? OrderId, string? Fnsku, int Quantity, ReturnReason? Reason);

public sealed record ReturnedUnitResponse(
    string UnitId,
    string FulfillmentCenter,
    DateTime ReceivedAt,
    bool BeyondAuthorization,
    ReturnGrade? Grade,
    Guid? InspectionId
);

/// <summary>
/// A return. <c>unexpected</c> is true for units that arrived without an authorization (no order, reason or window); they are
/// received and flagged rather than dropped.
/// </summary>
public sealed record ReturnResponse(
    Guid Id,
    Guid? OrderId,
    string Fnsku,
    string? Marketplace,
    ReturnReason? Reason,
    bool Unexpected,
    ReturnStatus Status,
    int AuthorizedQuantity,
    int ReceivedUnits,
    int GradedUnits,
    DateTime? WindowClosesAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ReturnedUnitResponse>? Units
)
{
    public static ReturnResponse From(ReturnRecord r, IReadOnlyList<ReturnedUnit>? units = null) =>
        new(
            r.Id,
            r.OrderId,
            r.Fnsku,
            r.Marketplace,
            r.Reason,
            r.Unexpected,
            r.Status,
            r.AuthorizedQuantity,
            r.ReceivedUnits,
            r.GradedUnits,
            r.WindowClosesAt,
            r.CreatedAt,
            r.UpdatedAt,
            units
                ?.Select(u => new ReturnedUnitResponse(
                    u.UnitId,
                    u.FulfillmentCenter,
                    u.ReceivedAt,
                    u.BeyondAuthorization,
                    u.Grade,
                    u.InspectionId
                ))
                .ToList()
        );
}

public static class ReturnsApi
{
    public const int MaxQuantity = 10_000;

    public static RouteGroupBuilder MapReturnsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{ReturnsService.Descriptor.ApiPrefix}/returns").WithTags("Returns");
        group
            .MapPost("/", CreateReturn)
            .WithName("CreateReturnAuthorization")
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
        ShippedLineRepository shipped,
        ReturnRepository returns,
        IdempotentRequests idempotency,
        ReturnWindows windows,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        validation.Require(request.OrderId is { } o && o != Guid.Empty, "orderId", "Is required: the id of the shipped fulfillment order.");
        validation.Require(Fields.IsFnsku(request.Fnsku), "fnsku", Fields.FnskuRule);
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
        async Task<(int Status, ReturnResponse Body)> Authorize(InventoryPlatform.Data.UnitOfWork unit)
        {
            var lines = await shipped.LockOrderAsync(unit, seller.Id, orderId);
            var authorized = lines.Count == 0 ? 0 : await returns.AuthorizedUnitsAsync(unit, orderId, fnsku);
            var now = time.GetUtcNow();
            if (ReturnAuthorizationRules.Check(orderId, fnsku, request.Quantity, lines, authorized, now, windows) is { } refusal)
            {
                throw Refused(refusal);
            }

            var ofFnsku = lines.Where(l => l.Fnsku == fnsku).ToList();
            var record = new ReturnRecord(
                Guid.CreateVersion7(),
                seller.Id,
                false,
                orderId,
                fnsku,
                ofFnsku[0].Marketplace,
                request.Reason,
                request.Quantity,
                0,
                0,
                ReturnAuthorizationRules.WindowClosesAt(ofFnsku, windows).UtcDateTime,
                now.UtcDateTime,
                now.UtcDateTime
            );
            await returns.CreateAsync(unit, record);
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
                return refused.ToProblem();
            }
        }
        catch (ReturnRefusedException refused)
        {
            return refused.ToProblem();
        }
    }

    public static async Task<Results<Ok<ReturnResponse>, ProblemHttpResult>> GetReturn(
        Guid id,
        HttpContext http,
        Seller seller,
        string? sellerId,
        ReturnRepository returns,
        CancellationToken cancellationToken
    )
    {
        if (ReadScope.Resolve(http, seller, sellerId) is not { } owner)
        {
            return ReadScope.Forbidden();
        }

        if (await returns.GetAsync(owner, id, cancellationToken) is not { } record)
        {
            return Problems.NotFound("Return", id.ToString());
        }

        return TypedResults.Ok(ReturnResponse.From(record, await returns.UnitsAsync(id, cancellationToken)));
    }

    public static async Task<Results<Ok<Page<ReturnResponse>>, ValidationProblem, ProblemHttpResult>> ListReturns(
        HttpContext http,
        Seller seller,
        string? sellerId,
        Guid? orderId,
        bool? unexpected,
        int? limit,
        string? cursor,
        ReturnRepository returns,
        CancellationToken cancellationToken
    )
    {
        if (ReadScope.Resolve(http, seller, sellerId) is not { } owner)
        {
            return ReadScope.Forbidden();
        }

        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await returns.ListAsync(owner, orderId, unexpected, take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows.Select(r => ReturnResponse.From(r)).ToList(), take, r => r.Id.ToString()));
    }

    private static ReturnRefusedException Refused(Refusal refusal) =>
        refusal.Kind switch
        {
            RefusalKind.UnknownOrder => new(StatusCodes.Status404NotFound, "Order not found.", refusal.Field, refusal.Reason),
            RefusalKind.FnskuNotShipped => new(
                StatusCodes.Status422UnprocessableEntity,
                "The item was not shipped on this order.",
                refusal.Field,
                refusal.Reason
            ),
            RefusalKind.WindowClosed => new(
                StatusCodes.Status422UnprocessableEntity,
                "The return window has closed.",
                refusal.Field,
                refusal.Reason
            ),
            RefusalKind.MoreThanShipped => new(
                StatusCodes.Status422UnprocessableEntity,
                "More units than can be returned.",
                refusal.Field,
                refusal.Reason
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
}

/// <summary>Who a read is for: the caller's own seller, or, for admin keys only, the seller named by <c>?sellerId=</c>.</summary>
public static class ReadScope
{
    public static string? Resolve(HttpContext http, Seller seller, string? sellerId)
    {
        if (sellerId is null || sellerId == seller.Id)
        {
            return seller.Id;
        }

        return IdentityCheck.Caller(http).IsAdmin && Seller.IsValidId(sellerId) ? sellerId : null;
    }

    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Missing scope.",
            detail: $"Reading another seller's returns needs the '{PlatformScopes.Admin}' scope."
        );
}

/// <summary>Shapes of identifiers the API accepts.</summary>
public static class Fields
{
    public const string FnskuRule = "Is required: the FNSKU, 1-10 letters and digits.";

    public const string FulfillmentCenterRule = "Is required: the FC code, 1-10 letters and digits.";

    public const string UnitIdRule = "Must be the unit's barcode, RFID serial or LPN (printable ASCII, at most 64).";

    public static bool IsFnsku(string? value) => IsCode(value);

    public static bool IsFulfillmentCenter(string? value) => IsCode(value);

    public static bool IsUnitId(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 64 && value.All(c => c is >= '!' and <= '~');

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsCode(string? value) => value is { Length: >= 1 and <= 10 } && value.All(char.IsAsciiLetterOrDigit);
}
