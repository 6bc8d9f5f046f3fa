namespace InventoryPlatform.Notifications.Data;

/// <summary>A due delivery this replica claimed, with what sending it needs.</summary>
public sealed record ClaimedDelivery(
    Guid Id,
    Guid SubscriptionId,
    string Url,
    string Payload,
    int Attempts,
    DateTime WindowStart,
    IReadOnlyList<string> Secrets
)
{
    /// <summary>The <c>webhook-id</c>: the same for every attempt and replay of the delivery, so a receiver can deduplicate.</summary>
    public string MessageId => $"msg_{Id:N}";
}
