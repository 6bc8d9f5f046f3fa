namespace InventoryPlatform.Forecasting.Data;

public sealed record RecommendationRecord(
    string Fnsku,
    int Available,
    int Inbound,
    int InTransit,
    double LeadTimeDemand,
    int SafetyStock,
    int ReorderPoint,
    int OrderUpToLevel,
    int RecommendedUnits,
    double? DaysOfSupply,
    string Urgency,
    DateOnly ShipBy,
    DateTime EvaluatedAt
);
