namespace InventoryPlatform.Contracts.V1;

public sealed record LowStockDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    int Available,
    double DaysOfCover
) : IIntegrationEvent;
