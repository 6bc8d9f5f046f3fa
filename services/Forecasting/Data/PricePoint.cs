namespace InventoryPlatform.Forecasting.Data;

/// <summary>An FNSKU's list price from <see cref="EffectiveOn"/> on; <see cref="Source"/> is <c>seller</c> or <c>markdown</c>.</summary>
public sealed record PricePoint(DateOnly EffectiveOn, decimal Price, string Currency, string Source);
