namespace InventoryPlatform.Contracts.V1;

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
