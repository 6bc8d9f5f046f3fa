namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A recommendation was approved and executed, by the seller (<see cref="DecidedBy"/> Seller) or its automatic policy (Policy):
/// a markdown or promotion was published, or a liquidation, removal or disposal order (<see cref="RemovalOrderId"/>) opened.
/// </summary>
public sealed record LiquidationRecommendationExecuted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RecommendationId,
    string Fnsku,
    bool FromUnfulfillable,
    string Action,
    int Quantity,
    string DecidedBy,
    Guid? RemovalOrderId
) : IIntegrationEvent;
