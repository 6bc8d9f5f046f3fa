using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Application;

/// <summary>KPI reports for a seller or for the whole network (seller null) over a window of days.</summary>
public sealed class KpiReportHandler(ActivityRepository activity, LimitsOptions options)
{
    public async Task<KpiReport> ReportAsync(string? sellerId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Kpis.Report(await activity.LoadAsync(sellerId, from, to, options.ExcessCoverDays, options.LateShipmentHours, cancellationToken));
}
