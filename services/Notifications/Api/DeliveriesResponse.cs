namespace InventoryPlatform.Notifications.Api;

/// <summary>A page of the delivery log, newest first; <see cref="NextBefore"/> asks for the next page (null: no more).</summary>
public sealed record DeliveriesResponse(IReadOnlyList<DeliveryResponse> Deliveries, long? NextBefore);
