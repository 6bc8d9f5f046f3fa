namespace InventoryPlatform.Contracts.V1;

public sealed record TransferRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid TransferId,
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity
) : IIntegrationEvent;
