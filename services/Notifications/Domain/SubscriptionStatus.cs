namespace InventoryPlatform.Notifications.Domain;

public enum SubscriptionStatus
{
    Active,
    Paused,

    /// <summary>Deliveries kept failing for 24 h; the reason is kept; resuming makes it active again.</summary>
    Disabled,
}
