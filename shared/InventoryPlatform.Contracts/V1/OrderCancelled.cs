namespace InventoryPlatform.Contracts.V1;

public sealed record OrderCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid OrderId,
    string Reason
) : IIntegrationEvent;
