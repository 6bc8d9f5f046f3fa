namespace InventoryPlatform.Forecasting.Data;

public sealed record RegionModel(string Region, string Model, string Candidates, DateTime MadeAt, string? Guard);
