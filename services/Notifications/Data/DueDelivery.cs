namespace InventoryPlatform.Notifications.Data;

/// <summary>A delivery that is due: the oldest pending one of its key, of an active subscription.</summary>
public sealed record DueDelivery(Guid Id, Guid SubscriptionId);
