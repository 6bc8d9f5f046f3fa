using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>A dated list price and where it came from: <c>seller</c> (PUT /prices) or <c>markdown</c> (an approved markdown).</summary>
public sealed record PriceResponse(DateOnly EffectiveOn, Money Price, string Source);
