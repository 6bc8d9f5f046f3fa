using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>
/// Notifications (<c>/api/notifications/v1</c>): webhook subscriptions, their secrets and delivery logs. Verify what
/// arrives at the receiver with <see cref="WebhookVerifier"/>.
/// </summary>
public sealed class NotificationsClient(PlatformTransport transport) : ApiArea(transport, "/api/notifications/v1")
{
    /// <summary>The event types a subscription can name.</summary>
    [PlatformOperation("ListWebhookEventTypes")]
    public Task<EventTypesResponse> ListEventTypesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<EventTypesResponse>("/event-types", cancellationToken);

    /// <summary>Subscribes an HTTPS receiver (a create: idempotent by key); the answer holds the secret, once.</summary>
    [PlatformOperation("CreateSubscription")]
    public Task<SubscriptionCreatedResponse> CreateSubscriptionAsync(
        CreateSubscriptionRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<SubscriptionCreatedResponse>("/subscriptions", request, idempotencyKey, cancellationToken);

    [PlatformOperation("ListSubscriptions")]
    public Task<SubscriptionsResponse> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<SubscriptionsResponse>("/subscriptions", cancellationToken);

    [PlatformOperation("GetSubscription")]
    public Task<SubscriptionResponse> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<SubscriptionResponse>($"/subscriptions/{id}", cancellationToken);

    [PlatformOperation("PauseSubscription")]
    public Task<SubscriptionResponse> PauseSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<SubscriptionResponse>($"/subscriptions/{id}/pause", null, cancellationToken);

    /// <summary>Delivers again, also a subscription disabled after 24 h of failures.</summary>
    [PlatformOperation("ResumeSubscription")]
    public Task<SubscriptionResponse> ResumeSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<SubscriptionResponse>($"/subscriptions/{id}/resume", null, cancellationToken);

    [PlatformOperation("DeleteSubscription")]
    public Task DeleteSubscriptionAsync(Guid id, CancellationToken cancellationToken = default) =>
        DeleteAsync($"/subscriptions/{id}", cancellationToken);

    /// <summary>A new secret, returned once; the previous one keeps signing for <paramref name="overlapMinutes"/>.</summary>
    [PlatformOperation("RotateSubscriptionSecret")]
    public Task<RotatedSecretResponse> RotateSecretAsync(
        Guid id,
        int? overlapMinutes = null,
        CancellationToken cancellationToken = default
    ) => PostAsync<RotatedSecretResponse>($"/subscriptions/{id}/rotate-secret", new RotateSecretRequest(overlapMinutes), cancellationToken);

    /// <summary>One page of the delivery log, newest first; pass the page's <c>nextBefore</c> as <paramref name="before"/>.</summary>
    [PlatformOperation("ListDeliveries")]
    public Task<DeliveriesResponse> ListDeliveriesAsync(
        Guid id,
        string? status = null,
        long? before = null,
        int? limit = null,
        CancellationToken cancellationToken = default
    ) =>
        GetAsync<DeliveriesResponse>(
            QueryString.Of($"/subscriptions/{id}/deliveries", ("status", status), ("before", before), ("limit", limit)),
            cancellationToken
        );

    /// <summary>Sends a delivery again with the same webhook-id.</summary>
    [PlatformOperation("ReplayDelivery")]
    public Task<DeliveryResponse> ReplayDeliveryAsync(Guid id, Guid deliveryId, CancellationToken cancellationToken = default) =>
        PostAsync<DeliveryResponse>($"/subscriptions/{id}/deliveries/{deliveryId}/replay", null, cancellationToken);
}
