namespace InventoryPlatform.Forecasting.Domain;

/// <summary>A promotion of an FNSKU on the days From..To (inclusive).</summary>
public sealed record PromotionDays(DateOnly From, DateOnly To, double DiscountPercent, bool Featured);
