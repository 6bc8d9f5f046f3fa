namespace InventoryPlatform.Contracts.V1;

/// <summary>A removal order was cancelled before its units left: the units it held are available again.</summary>
public sealed record RemovalOrderCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RemovalOrderId,
    string Fnsku,
    bool FromUnfulfillable,
    IReadOnlyList<RemovalLine> Lines
) : IIntegrationEvent;
