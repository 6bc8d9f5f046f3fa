namespace InventoryPlatform.Forecasting.Api;

/// <summary>The period a marketplace's sales are forecast in: <c>daily</c> or <c>weekly</c>.</summary>
public sealed record MarketplaceSettingsRequest(string? Period);
