namespace InventoryPlatform.Forecasting.Api;

public sealed record SettingsResponse(
    string Fnsku,
    int LeadTimeDays,
    int ReviewPeriodDays,
    int MinimumOrderQuantity,
    int CasePack,
    double ServiceLevel,
    bool IsDefault
);
