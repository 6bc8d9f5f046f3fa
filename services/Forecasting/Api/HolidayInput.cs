namespace InventoryPlatform.Forecasting.Api;

public sealed record HolidayInput(DateOnly? Date, string? Name);
