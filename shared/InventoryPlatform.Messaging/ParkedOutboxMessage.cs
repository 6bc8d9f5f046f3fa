namespace InventoryPlatform.Messaging;

/// <summary>A parked outbox row as admins see it (the body stays in the table: it may hold a seller's data).</summary>
public sealed record ParkedOutboxMessage(
    Guid Id,
    string MessageType,
    Guid CorrelationId,
    DateTime CreatedAt,
    int Attempts,
    DateTime ParkedAt,
    string? LastError,
    string? Traceparent
);
