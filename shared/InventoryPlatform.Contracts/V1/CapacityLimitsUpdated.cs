namespace InventoryPlatform.Contracts.V1;

public sealed record CapacityLimitsUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    int PerformanceScore,
    IReadOnlyList<StorageLimit> Limits
) : IIntegrationEvent;
