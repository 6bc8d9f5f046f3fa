namespace InventoryPlatform.Notifications.Domain;

/// <summary>What a subscription wants: event types, and optionally one FNSKU and/or one fulfillment center.</summary>
public sealed record SubscriptionFilter(IReadOnlyList<string> EventTypes, string? Fnsku, string? FulfillmentCenter)
{
    /// <summary>
    /// True when the event is one of the subscribed types and passes the FNSKU and FC filters. An event that names no FNSKU
    /// (an order of several lines, limits) passes an FNSKU filter only if its lines were flattened into
    /// <see cref="PartnerEvent.Fnsku"/>; otherwise a filtered subscription does not receive it.
    /// </summary>
    public bool Matches(PartnerEvent partnerEvent) =>
        EventTypes.Contains(partnerEvent.Type, StringComparer.Ordinal)
        && (Fnsku is null || string.Equals(Fnsku, partnerEvent.Fnsku, StringComparison.OrdinalIgnoreCase))
        && (
            FulfillmentCenter is null
            || string.Equals(FulfillmentCenter, partnerEvent.FulfillmentCenter, StringComparison.OrdinalIgnoreCase)
        );
}
