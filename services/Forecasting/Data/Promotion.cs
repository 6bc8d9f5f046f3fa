namespace InventoryPlatform.Forecasting.Data;

public sealed record Promotion(Guid Id, string Fnsku, DateOnly StartsOn, DateOnly EndsOn, decimal DiscountPercent, bool Featured);
