using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Allocation.Api;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup($"{AllocationService.Descriptor.ApiPrefix}/orders").WithTags("Fulfillment orders");
        group
            .MapPost("/", CreateOrder)
            .WithName("CreateOrder")
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .Produces<OrderResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
                "Submit a fulfillment order: units are reserved at the FC(s) that can ship soonest (fewest splits, then shortest transit, "
                    + "then most stock); "
                    + "what cannot be found is backordered, or with shortagePolicy=reject the order is refused (409). One order per "
                    + "Idempotency-Key and per partnerOrderId."
            );
        group
            .MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("An order with its lines, where each line's units are reserved and what is backordered.");
        group.MapGet("/", ListOrders).WithName("ListOrders").WithSummary("The seller's orders, optionally by status, paged by cursor.");
        group
            .MapPost("/{id:guid}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .WithSummary(
                "Cancel an order that has not shipped: its reservations are released and fill the seller's oldest backorders of those "
                    + "FNSKUs. Cancelling again changes nothing."
            );
        group
            .MapPost("/{id:guid}/shipments", ConfirmShipment)
            .WithName("ConfirmShipment")
            .WithSummary(
                "Confirm that the order's units reserved at one FC have shipped: they leave reserved and on hand, and OrderShipped is "
                    + "published."
            );
        return group;
    }

    public static async Task<IResult> CreateOrder(
        CreateOrderRequest request,
        Seller seller,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        HttpContext http,
        NetworkRepository networks,
        OrderRepository orders,
        CreateOrderHandler create,
        IdempotentRequests idempotency,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        var lines = request
            .Lines?.Select(l => new OrderLineInput(l.Fnsku, l.Quantity, l.UnitPrice?.Amount, l.UnitPrice?.Currency))
            .ToList();
        foreach (
            var (field, reason) in FulfillmentOrderRules.Check(
                network,
                request.PartnerOrderId,
                request.Marketplace,
                request.ShipToRegion,
                lines
            )
        )
        {
            validation.Add(field, reason);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (
            request.PartnerOrderId is not null
            && await orders.FindByPartnerOrderIdAsync(seller.Id, request.PartnerOrderId, cancellationToken) is { } existing
        )
        {
            return await ExistingAsync(orders, seller, existing, cancellationToken);
        }

        var order = new NewOrder(
            seller.Id,
            request.PartnerOrderId,
            request.Marketplace!.ToUpperInvariant(),
            network.FindRegion(request.ShipToRegion!)!.Code,
            request
                .Lines!.Select(
                    (l, i) =>
                        new OrderLineRecord(
                            i + 1,
                            l.Fnsku!.ToUpperInvariant(),
                            l.Quantity,
                            l.UnitPrice!.Amount!.Value,
                            l.UnitPrice.Currency!,
                            0
                        )
                )
                .ToList(),
            request.ShortagePolicy ?? ShortagePolicy.Backorder,
            Correlation.Of(http)
        );
        try
        {
            return await idempotency.RunAsync(
                seller,
                idempotencyKey,
                http.Request.Path,
                async unit => (StatusCodes.Status201Created, OrderResponse.From(await create.HandleAsync(unit, network, order))),
                cancellationToken
            );
        }
        catch (OrderRejectedException rejected)
        {
            return Problems.Conflict("Not enough stock.", rejected.Message);
        }
        catch (System.Data.Common.DbException exception) when (request.PartnerOrderId is not null && IsUniqueViolation(http, exception))
        {
            // Another request with the same partner order id won the race; answer with its order.
            if (await orders.FindByPartnerOrderIdAsync(seller.Id, request.PartnerOrderId, cancellationToken) is { } winner)
            {
                return await ExistingAsync(orders, seller, winner, cancellationToken);
            }

            throw;
        }
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrder(
        Guid id,
        Seller seller,
        OrderRepository orders,
        CancellationToken cancellationToken
    ) =>
        await orders.GetAsync(seller.Id, id, cancellationToken) is { } order
            ? TypedResults.Ok(OrderResponse.From(order))
            : Problems.NotFound("Order", id.ToString());

    public static async Task<Results<Ok<Page<OrderSummary>>, ValidationProblem>> ListOrders(
        Seller seller,
        OrderRepository orders,
        OrderStatus? status,
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

        var rows = await orders.ListAsync(seller.Id, status, take + 1, afterId, cancellationToken);
        var summaries = rows.Select(h => new OrderSummary(h.Id, h.PartnerOrderId, h.Marketplace, h.ShipToRegion, h.Status, h.CreatedAt))
            .ToList();
        return TypedResults.Ok(Cursor.ToPage(summaries, take, s => s.Id.ToString()));
    }

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> CancelOrder(
        Guid id,
        CancelOrderRequest? request,
        Seller seller,
        HttpContext http,
        CancelOrderHandler cancel,
        CancellationToken cancellationToken
    )
    {
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "Cancelled by the partner." : request.Reason;
        if (reason.Length > 200)
        {
            return new Validation().Add("reason", "At most 200 characters.").Problem();
        }

        try
        {
            var order = await cancel.HandleAsync(seller.Id, id, reason, Correlation.Of(http), cancellationToken);
            return order is null ? Problems.NotFound("Order", id.ToString()) : TypedResults.Ok(OrderResponse.From(order));
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The order cannot be cancelled.", conflict.Message);
        }
    }

    public static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> ConfirmShipment(
        Guid id,
        ShipOrderRequest request,
        Seller seller,
        HttpContext http,
        ConfirmShipmentHandler confirm,
        CancellationToken cancellationToken
    )
    {
        if (string.IsNullOrWhiteSpace(request.FulfillmentCenter) || request.FulfillmentCenter.Length > 10)
        {
            return new Validation().Add("fulfillmentCenter", "Is required, at most 10 characters.").Problem();
        }

        try
        {
            var fc = request.FulfillmentCenter.ToUpperInvariant();
            var order = await confirm.HandleAsync(seller.Id, id, fc, Correlation.Of(http), cancellationToken);
            return order is null ? Problems.NotFound("Order", id.ToString()) : TypedResults.Ok(OrderResponse.From(order));
        }
        catch (StateConflictException conflict)
        {
            return Problems.Conflict("The shipment cannot be confirmed.", conflict.Message);
        }
    }

    private static bool IsUniqueViolation(HttpContext http, System.Data.Common.DbException exception) =>
        http.RequestServices.GetRequiredService<Database>().Dialect.IsUniqueViolation(exception);

    private static async Task<IResult> ExistingAsync(OrderRepository orders, Seller seller, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(OrderResponse.From((await orders.GetAsync(seller.Id, id, cancellationToken))!));
}
