using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Api;

/// <summary>One delivery of the log: its <c>webhook-id</c>, state, attempts and the last attempt's answer.</summary>
public sealed record DeliveryResponse(
    Guid Id,
    string WebhookId,
    Guid EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    DateTime CreatedAt,
    DateTime? NextAttemptAt,
    DateTime? LastAttemptAt,
    DateTime? DeliveredAt,
    int? ResponseCode,
    int? LatencyMs,
    string? LastError
)
{
    public static DeliveryResponse From(DeliveryRecord d) =>
        new(
            d.Id,
            $"msg_{d.Id:N}",
            d.EventId,
            d.EventType,
            d.Status,
            d.Attempts,
            d.CreatedAt,
            d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null,
            d.LastAttemptAt,
            d.DeliveredAt,
            d.LastStatusCode,
            d.LastLatencyMs,
            d.LastError
        );
}
