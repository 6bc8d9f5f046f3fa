using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Notifications.Api;

public static class SubscriptionsApi
{
    public const int MaxEventTypes = 50;
    public const int MaxOverlapMinutes = 7 * 24 * 60;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        var prefix = NotificationsService.Descriptor.ApiPrefix;
        routes
            .MapGet($"{prefix}/event-types", () => TypedResults.Ok(new EventTypesResponse(WebhookEventTypes.All)))
            .WithTags("Webhooks")
            .WithName("ListWebhookEventTypes")
            .WithSummary("The event types a subscription can name.");

        var group = routes.MapGroup($"{prefix}/subscriptions").WithTags("Webhooks");
        group
            .MapPost("/", Create)
            .WithName("CreateSubscription")
            .WithSummary("Subscribe an HTTPS receiver to event types (optionally one FNSKU and/or FC); the secret is returned once.")
            .Produces<SubscriptionCreatedResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapGet("/", List).WithName("ListSubscriptions").WithSummary("The seller's subscriptions.");
        group.MapGet("/{id:guid}", Get).WithName("GetSubscription").WithSummary("One subscription of the seller.");
        group.MapPost("/{id:guid}/pause", Pause).WithName("PauseSubscription").WithSummary("Stop delivering; new events are not kept.");
        group
            .MapPost("/{id:guid}/resume", Resume)
            .WithName("ResumeSubscription")
            .WithSummary("Deliver again (also a subscription disabled after 24 h of failures); pending deliveries go out in order.");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSubscription").WithSummary("Delete the subscription and its delivery log.");
        group
            .MapPost("/{id:guid}/rotate-secret", RotateSecret)
            .WithName("RotateSubscriptionSecret")
            .WithSummary("A new secret, returned once; the previous one keeps signing alongside it for the overlap window.");
        group
            .MapGet("/{id:guid}/deliveries", Deliveries)
            .WithName("ListDeliveries")
            .WithSummary("The subscription's delivery log, newest first: status, attempts, response code and latency.");
        group
            .MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", Replay)
            .WithName("ReplayDelivery")
            .WithSummary("Send a delivery again, with the same webhook-id, in its place in the order of its key.");
        return group;
    }

    public static async Task<IResult> Create(
        CreateSubscriptionRequest request,
        HttpContext http,
        string? sellerId,
        [FromHeader(Name = IdempotentRequests.Header)] string? idempotencyKey,
        [AsParameters] SubscriptionServices services,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(IdempotentRequests.IsValidKey(idempotencyKey), IdempotentRequests.Header, "Must be 1-200 printable characters.");
        var urlRefusal = WebhookUrlRule.Refusal(request.Url, services.Guard.AllowsLoopback, out var url);
        if (urlRefusal is not null)
        {
            validation.Add("url", urlRefusal);
        }
        else if (await services.Guard.RefusalAsync(url!, cancellationToken) is { } addressRefusal)
        {
            validation.Add("url", addressRefusal);
        }

        var types = request.EventTypes ?? [];
        validation.Require(types.Count is >= 1 and <= MaxEventTypes, "eventTypes", $"Must list 1 to {MaxEventTypes} event types.");
        foreach (var type in types.Where(t => t is null || !WebhookEventTypes.IsKnown(t)).Distinct())
        {
            validation.Add("eventTypes", $"'{type}' is not an event type: {string.Join(", ", WebhookEventTypes.All)}.");
        }

        validation.Require(request.Fnsku is null || Fnsku.IsValid(request.Fnsku), "fnsku", Fnsku.Rule);
        if (request.FulfillmentCenter is not null)
        {
            (await services.Network.GetAsync(cancellationToken)).Require(
                validation,
                NetworkReference.FulfillmentCenter,
                "fulfillmentCenter",
                request.FulfillmentCenter
            );
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var owner = new Seller(SellerAccess.Of(http, sellerId));
        var eventTypes = types.Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
        return await services.Idempotency.RunAsync(
            owner,
            idempotencyKey,
            http.Request.Path,
            async unit =>
            {
                var created = await services.Create.HandleAsync(
                    unit,
                    owner.Id,
                    url!,
                    eventTypes,
                    request.Fnsku?.ToUpperInvariant(),
                    request.FulfillmentCenter?.ToUpperInvariant()
                );
                return (StatusCodes.Status201Created, new SubscriptionCreatedResponse(SubscriptionResponse.From(created), created.Secret));
            },
            cancellationToken
        );
    }

    public static async Task<Ok<SubscriptionsResponse>> List(
        HttpContext http,
        string? sellerId,
        SubscriptionRepository subscriptions,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        var all = await subscriptions.ListAsync(owner, cancellationToken);
        return TypedResults.Ok(new SubscriptionsResponse([.. all.Select(SubscriptionResponse.From)]));
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Get(
        Guid id,
        HttpContext http,
        string? sellerId,
        SubscriptionRepository subscriptions,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        return await subscriptions.GetAsync(owner, id, cancellationToken) is { } found
            ? TypedResults.Ok(SubscriptionResponse.From(found))
            : NotFound(id);
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Pause(
        Guid id,
        HttpContext http,
        string? sellerId,
        SubscriptionLifecycleHandler lifecycle,
        SubscriptionRepository subscriptions,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        return await lifecycle.PauseAsync(owner, id, cancellationToken)
            ? TypedResults.Ok(SubscriptionResponse.From((await subscriptions.GetAsync(owner, id, cancellationToken))!))
            : NotFound(id);
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Resume(
        Guid id,
        HttpContext http,
        string? sellerId,
        SubscriptionLifecycleHandler lifecycle,
        SubscriptionRepository subscriptions,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        return await lifecycle.ResumeAsync(owner, id, cancellationToken)
            ? TypedResults.Ok(SubscriptionResponse.From((await subscriptions.GetAsync(owner, id, cancellationToken))!))
            : NotFound(id);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id,
        HttpContext http,
        string? sellerId,
        SubscriptionLifecycleHandler lifecycle,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        return await lifecycle.DeleteAsync(owner, id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    public static async Task<Results<Ok<RotatedSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecret(
        Guid id,
        RotateSecretRequest? request,
        HttpContext http,
        string? sellerId,
        SubscriptionLifecycleHandler lifecycle,
        NotificationsOptions options,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(
            request?.OverlapMinutes is null or (>= 0 and <= MaxOverlapMinutes),
            "overlapMinutes",
            $"Must be between 0 and {MaxOverlapMinutes}."
        );
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var owner = SellerAccess.Of(http, sellerId);
        var overlap = request?.OverlapMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : options.DefaultRotationOverlap;
        return await lifecycle.RotateSecretAsync(owner, id, overlap, cancellationToken) is { } rotated
            ? TypedResults.Ok(new RotatedSecretResponse(rotated.Secret, rotated.PreviousSecretUntil))
            : NotFound(id);
    }

    public static async Task<Results<Ok<DeliveriesResponse>, ValidationProblem, ProblemHttpResult>> Deliveries(
        Guid id,
        HttpContext http,
        string? sellerId,
        DeliveryStatus? status,
        long? before,
        int? limit,
        SubscriptionRepository subscriptions,
        DeliveryRepository deliveries,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        validation.Require(limit is null or (>= 1 and <= MaxPageSize), "limit", $"Must be between 1 and {MaxPageSize}.");
        validation.Require(before is null or > 0, "before", "Must be a positive sequence from nextBefore.");
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var owner = SellerAccess.Of(http, sellerId);
        if (await subscriptions.GetAsync(owner, id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var size = limit ?? 50;
        var page = await deliveries.LogAsync(owner, id, status, before ?? long.MaxValue, size, cancellationToken);
        return TypedResults.Ok(
            new DeliveriesResponse([.. page.Select(DeliveryResponse.From)], page.Count == size ? page[^1].Sequence : null)
        );
    }

    public static async Task<Results<Accepted<DeliveryResponse>, ProblemHttpResult>> Replay(
        Guid id,
        Guid deliveryId,
        HttpContext http,
        string? sellerId,
        SubscriptionLifecycleHandler lifecycle,
        DeliveryRepository deliveries,
        CancellationToken cancellationToken
    )
    {
        var owner = SellerAccess.Of(http, sellerId);
        if (!await lifecycle.ReplayAsync(owner, id, deliveryId, cancellationToken))
        {
            return Problems.NotFound("Delivery", deliveryId.ToString());
        }

        var replayed = await deliveries.GetAsync(owner, id, deliveryId, cancellationToken);
        return TypedResults.Accepted((string?)null, DeliveryResponse.From(replayed!));
    }

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("Subscription", id.ToString());
}
