namespace InventoryPlatform.Forecasting.Api;

public sealed record SettingsRequest(
    int? LeadTimeDays,
    int? ReviewPeriodDays,
    int? MinimumOrderQuantity,
    int? CasePack,
    double? ServiceLevel
);
