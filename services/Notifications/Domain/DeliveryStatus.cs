namespace InventoryPlatform.Notifications.Domain;

public enum DeliveryStatus
{
    /// <summary>Not delivered yet: due at its next attempt time, or waiting for the one before it of its key.</summary>
    Pending,
    Delivered,

    /// <summary>Retried for 24 h without a 2xx answer; a replay sends it again.</summary>
    Failed,

    /// <summary>A newer stock.changed of the same FNSKU and FC replaced it before it was sent.</summary>
    Superseded,
}
