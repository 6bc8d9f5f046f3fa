namespace InventoryPlatform.Contracts.V1;

/// <summary>Units left the network by liquidation, removal or disposal; Allocation takes them off the ledger.</summary>
public sealed record InventoryRemoved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RemovalOrderId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity,
    bool FromUnfulfillable,
    RemovalReason Reason
) : IIntegrationEvent;
