namespace InventoryPlatform.Notifications.Data;

/// <summary>A delivery to store: one event for one subscription.</summary>
public sealed record NewDelivery(
    Guid SubscriptionId,
    string SellerId,
    Guid EventId,
    string EventType,
    string OrderingKey,
    string? CoalesceKey,
    string Payload
);
