using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Liquidation.Api;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{LiquidationService.Descriptor.ApiPrefix}/orders").WithTags("Orders");
        group
            .MapGet("/", ListOrders)
            .WithName("ListRemovalOrders")
            .WithSummary(
                "The seller's liquidation, removal and disposal orders, paged by cursor; filter status. Admin keys may pass sellerId."
            );
        group
            .MapGet("/{id:guid}", GetOrder)
            .WithName("GetRemovalOrder")
            .WithSummary("One order with its FC lines and expected recovery and fees.");
        group
            .MapPost("/{id:guid}/start", (Guid id, Seller seller, HttpContext http, RemovalOrderHandler handler, CancellationToken ct) =>
                StepAsync(id, seller, http, handler, RemovalOrderStatus.InProgress, null, ct)
            )
            .WithName("StartRemovalOrder")
            .WithSummary("The FC starts picking the order's units: Pending → InProgress.");
        group
            .MapPost("/{id:guid}/complete", (Guid id, Seller seller, HttpContext http, RemovalOrderHandler handler, CancellationToken ct) =>
                StepAsync(id, seller, http, handler, RemovalOrderStatus.Completed, null, ct)
            )
            .WithName("CompleteRemovalOrder")
            .WithSummary(
                "The units left the FC: InProgress → Completed; publishes InventoryRemoved per FC line, which takes them off Allocation's "
                    + "ledger. "
                    + "A completed order cannot complete again (409)."
            );
        group
            .MapPost("/{id:guid}/cancel", CancelOrder)
            .WithName("CancelRemovalOrder")
            .WithSummary(
                "Cancel an order that is Pending or InProgress; the units stay in stock. Body: { \"reason\": \"...\" } (required)."
            );
        return group;
    }

    public static async Task<Results<Ok<Page<RemovalOrderResponse>>, ValidationProblem>> ListOrders(
        HttpContext http,
        RemovalOrderRepository orders,
        string? status,
        string? sellerId,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var (take, after) = Cursor.ReadGuid(limit, cursor, validation);
        var wanted = ReadScope.ParseEnum<RemovalOrderStatus>(status, "status", validation);
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var rows = await orders.ListAsync(owner!, wanted, take + 1, after, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage([.. rows.Select(RemovalOrderResponse.From)], take, o => o.Id.ToString()));
    }

    public static async Task<Results<Ok<RemovalOrderResponse>, ProblemHttpResult, ValidationProblem>> GetOrder(
        Guid id,
        HttpContext http,
        string? sellerId,
        RemovalOrderRepository orders,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        var owner = SellerAccess.Of(http, sellerId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return await orders.GetAsync(owner!, id, cancellationToken) is { } order
            ? TypedResults.Ok(RemovalOrderResponse.From(order))
            : Problems.NotFound("Order", id.ToString());
    }

    public static async Task<Results<Ok<RemovalOrderResponse>, ProblemHttpResult, ValidationProblem>> CancelOrder(
        Guid id,
        CancelOrderRequest request,
        Seller seller,
        HttpContext http,
        RemovalOrderHandler handler,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(
            !string.IsNullOrWhiteSpace(request.Reason) && request.Reason.Length <= 500,
            "reason",
            "Is required, at most 500 characters."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return await StepAsync(id, seller, http, handler, RemovalOrderStatus.Cancelled, request.Reason, cancellationToken);
    }

    private static async Task<Results<Ok<RemovalOrderResponse>, ProblemHttpResult, ValidationProblem>> StepAsync(
        Guid id,
        Seller seller,
        HttpContext http,
        RemovalOrderHandler handler,
        RemovalOrderStatus to,
        string? reason,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var order = await handler.StepAsync(seller.Id, id, to, reason, Correlation.Of(http), cancellationToken);
            return order is null ? Problems.NotFound("Order", id.ToString()) : TypedResults.Ok(RemovalOrderResponse.From(order));
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The order cannot make that step.", conflict.Message);
        }
    }
}
