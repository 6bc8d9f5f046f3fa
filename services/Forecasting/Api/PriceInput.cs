using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>A list price from <see cref="EffectiveOn"/> on (until the next one).</summary>
public sealed record PriceInput(DateOnly? EffectiveOn, Money? Price);
