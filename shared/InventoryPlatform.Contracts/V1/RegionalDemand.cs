namespace InventoryPlatform.Contracts.V1;

public sealed record RegionalDemand(string Region, double DailyUnitsP50, double DailyUnitsP90);
