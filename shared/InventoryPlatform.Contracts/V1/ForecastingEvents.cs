namespace InventoryPlatform.Contracts.V1;

public sealed record RegionalDemand(string Region, double DailyUnitsP50, double DailyUnitsP90);

/// <summary>A new 13-week forecast of one FNSKU, with the share of demand per region.</summary>
public sealed record DemandForecastUpdated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    DateOnly From,
    int HorizonDays,
    double TotalUnitsP50,
    IReadOnlyList<RegionalDemand> Regions,
    string Model
) : IIntegrationEvent;

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
