namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A seller (or their automatic policy) approved a markdown Liquidation recommended: the item's list price is now
/// <see cref="NewPrice"/>. Receiving, which owns the catalogue, applies it to the item.
/// </summary>
public sealed record MarkdownApproved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RecommendationId,
    string Fnsku,
    Money PreviousPrice,
    Money NewPrice,
    decimal MarkdownPercent
) : IIntegrationEvent;
