namespace InventoryPlatform.Forecasting.Api;

public sealed record SetHolidaysRequest(IReadOnlyList<HolidayInput>? Holidays);
