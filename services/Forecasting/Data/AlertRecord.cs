namespace InventoryPlatform.Forecasting.Data;

public sealed record AlertRecord(
    Guid Id,
    string Fnsku,
    int ReorderPoint,
    int SafetyStock,
    int InventoryPosition,
    int RecommendedUnits,
    double? DaysOfSupply,
    string Urgency,
    DateOnly ShipBy,
    DateTime RaisedAt
);
