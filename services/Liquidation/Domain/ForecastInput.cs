namespace InventoryPlatform.Liquidation.Domain;

/// <summary>The latest forecast known for an FNSKU.</summary>
public sealed record ForecastInput(double TotalUnitsP50, int HorizonDays);
