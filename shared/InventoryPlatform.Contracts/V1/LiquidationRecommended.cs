namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// Liquidation proposes an action for aged, excess or unsellable stock of an FNSKU and waits for the seller's approval (or its
/// policy's): <see cref="Action"/> is Markdown, Promotion, Liquidate, RemoveToSeller or Dispose. Published when a recommendation
/// is proposed, or its action changes; a recompute that proposes the same again publishes nothing.
/// </summary>
public sealed record LiquidationRecommended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RecommendationId,
    string Fnsku,
    bool FromUnfulfillable,
    string Action,
    int Quantity,
    decimal? MarkdownPercent,
    Money CurrentPrice,
    Money? RecommendedPrice,
    Money ExpectedValue,
    string Rationale
) : IIntegrationEvent;
