using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Data;

/// <summary>A stored subscription.</summary>
public sealed record SubscriptionRecord(
    Guid Id,
    string SellerId,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Fnsku,
    string? FulfillmentCenter,
    string Secret,
    string? PreviousSecret,
    DateTime? PreviousSecretUntil,
    SubscriptionStatus Status,
    string? DisabledReason,
    DateTime CreatedAt,
    DateTime UpdatedAt
)
{
    public SubscriptionFilter Filter => new(EventTypes, Fnsku, FulfillmentCenter);

    /// <summary>The secrets that sign at <paramref name="now"/>: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) =>
        PreviousSecret is not null && PreviousSecretUntil > now ? [Secret, PreviousSecret] : [Secret];
}
