namespace InventoryPlatform.Contracts.V1;

public sealed record ReplenishmentRecommended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    int ReorderPoint,
    int SafetyStock,
    int RecommendedUnits,
    double DaysOfSupply,
    DateOnly ShipBy
) : IIntegrationEvent;
