namespace InventoryPlatform.Forecasting.Data;

/// <summary>Units sold per day of one (FNSKU, region).</summary>
public sealed record DailySale(string Fnsku, string Region, DateOnly Date, int Units);
