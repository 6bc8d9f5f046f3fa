namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// Sales to import into a marketplace. <see cref="Period"/> says what a row counts: <c>daily</c> (the default: the units
/// of the row's date) or <c>weekly</c> (the units of the ISO week that starts on the row's date, a Monday).
/// </summary>
public sealed record ImportHistoryRequest(string? Marketplace, IReadOnlyList<SaleInput>? Sales, string? Period = null);
