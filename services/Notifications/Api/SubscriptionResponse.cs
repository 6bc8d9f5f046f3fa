using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Api;

/// <summary>A subscription as its seller sees it (never its secret).</summary>
public sealed record SubscriptionResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Fnsku,
    string? FulfillmentCenter,
    SubscriptionStatus Status,
    string? DisabledReason,
    DateTime? PreviousSecretValidUntil,
    DateTime CreatedAt,
    DateTime UpdatedAt
)
{
    public static SubscriptionResponse From(SubscriptionRecord s) =>
        new(
            s.Id,
            s.Url,
            s.EventTypes,
            s.Fnsku,
            s.FulfillmentCenter,
            s.Status,
            s.DisabledReason,
            s.PreviousSecret is null ? null : s.PreviousSecretUntil,
            s.CreatedAt,
            s.UpdatedAt
        );
}
