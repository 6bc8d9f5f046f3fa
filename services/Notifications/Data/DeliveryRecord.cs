using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Data;

/// <summary>One delivery as its subscription's log shows it.</summary>
public sealed record DeliveryRecord(
    Guid Id,
    long Sequence,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    DeliveryStatus Status,
    int Attempts,
    DateTime CreatedAt,
    DateTime NextAttemptAt,
    DateTime? LastAttemptAt,
    DateTime? DeliveredAt,
    int? LastStatusCode,
    int? LastLatencyMs,
    string? LastError
);
