namespace InventoryPlatform.Contracts.V1;

public sealed record PriceMarkdownRecommended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    Money CurrentPrice,
    Money RecommendedPrice,
    string Rationale
) : IIntegrationEvent;
