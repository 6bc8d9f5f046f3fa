namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A restock alert raised earlier (with <see cref="ReplenishmentRecommended"/>) no longer applies: the FNSKU's inventory position
/// (available, inbound and in transit) is back above its reorder point. Published once per alert, when it clears.
/// </summary>
public sealed record RestockAlertCleared(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    int ReorderPoint,
    int InventoryPosition,
    double? DaysOfSupply
) : IIntegrationEvent;
