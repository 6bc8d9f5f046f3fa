namespace InventoryPlatform.Forecasting.Api;

public sealed record MarketplaceSettingsResponse(string Marketplace, string Period);
