namespace InventoryPlatform.Contracts.V1;

public sealed record HighReturnRateDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    double ReturnRate,
    double Threshold
) : IIntegrationEvent;
