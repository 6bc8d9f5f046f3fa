namespace InventoryPlatform.Notifications.Api;

/// <summary>A new subscription: the receiver's HTTPS URL, the event types it wants, optionally one FNSKU and/or one FC.</summary>
public sealed record CreateSubscriptionRequest(string? Url, IReadOnlyList<string?>? EventTypes, string? Fnsku, string? FulfillmentCenter);
