namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A seller (or their automatic policy) approved a deal Liquidation recommended: the FNSKU sells at
/// <see cref="DiscountPercent"/> off from <see cref="StartsOn"/> to <see cref="EndsOn"/> (inclusive), expected to lift
/// demand by <see cref="DemandLift"/>. Forecasting puts it in its promotion calendar.
/// </summary>
public sealed record PromotionApproved(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RecommendationId,
    string Fnsku,
    DateOnly StartsOn,
    DateOnly EndsOn,
    decimal DiscountPercent,
    Money PromotionPrice,
    decimal? DemandLift
) : IIntegrationEvent;
