namespace InventoryPlatform.Notifications.Api;

public sealed record SubscriptionsResponse(IReadOnlyList<SubscriptionResponse> Subscriptions);
