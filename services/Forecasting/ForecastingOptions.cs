namespace InventoryPlatform.Forecasting;

/// <summary>
/// Forecasting's settings (section <c>Forecasting</c>). RefreshMinutes: how often each seller's forecasts are remade;
/// PollSeconds: how often the refresh job looks for sellers due; HistoryDays: the most history a model sees;
/// UseGlobalModel and GlobalTrees: the global gradient-boosted candidate and the most trees it may have (the panel's size
/// sets fewer for a small seller; fewer refresh faster); RefreshLeaseSeconds: how long a refresh operation's worker may go
/// without a heartbeat before another replica takes the operation over (it died or was stopped).
/// </summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    public int RefreshMinutes { get; set; } = 24 * 60;

    public int PollSeconds { get; set; } = 60;

    public int HistoryDays { get; set; } = 2 * 364 + 56;

    public bool UseGlobalModel { get; set; } = true;

    public int GlobalTrees { get; set; } = 80;

    public int RefreshLeaseSeconds { get; set; } = 120;

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(RefreshMinutes);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan RefreshLease => TimeSpan.FromSeconds(RefreshLeaseSeconds);
}
