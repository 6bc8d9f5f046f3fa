namespace InventoryPlatform.Notifications.Api;

/// <summary>The new subscription and its signing secret (<c>whsec_…</c>), shown this once.</summary>
public sealed record SubscriptionCreatedResponse(SubscriptionResponse Subscription, string Secret);
