namespace InventoryPlatform.Forecasting.Api;

public sealed record CreatePromotionRequest(string? Fnsku, DateOnly? StartsOn, DateOnly? EndsOn, decimal? DiscountPercent, bool Featured);
