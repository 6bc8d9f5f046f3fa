namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// One event as partners see it: its public <see cref="Type"/>, the seller it belongs to (only that seller's subscriptions
/// may receive it), what a subscription filters on, and the key its deliveries are kept in order by.
/// </summary>
/// <param name="EventId">The integration event's id; with <see cref="Type"/> it identifies the delivery per subscription.</param>
/// <param name="OrderingKey">Deliveries of one subscription with the same key are sent one after the other, in order.</param>
/// <param name="CoalesceKey">Set for an event that replaces a still-unsent one of the same key (stock.changed per FNSKU/FC).</param>
/// <param name="Data">The integration event itself, serialized as the payload's <c>data</c>.</param>
public sealed record PartnerEvent(
    Guid EventId,
    string Type,
    string SellerId,
    DateTimeOffset OccurredAt,
    string? Fnsku,
    string? FulfillmentCenter,
    string OrderingKey,
    string? CoalesceKey,
    object Data
);
