using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// The FNSKU's settings after a change, or, when <see cref="Problems"/> is not empty, the refused settings (nothing stored).
/// </summary>
public sealed record ReplenishmentSettingsChange(ReplenishmentSettings Settings, IReadOnlyList<(string Field, string Reason)> Problems)
{
    public bool Saved => Problems.Count == 0;
}
