using InventoryPlatform.Limits.Domain;
using ScottPlot;

namespace InventoryPlatform.Limits.Application;

/// <summary>The KPI series drawn as a PNG line chart with ScottPlot, one line per KPI asked for.</summary>
public static class KpiChartRenderer
{
    public const int Width = 900;
    public const int Height = 450;

    /// <summary>The KPIs a chart can show, by the name used in the query and in the JSON series.</summary>
    public static readonly IReadOnlyDictionary<string, Func<KpiPoint, double?>> Series = new Dictionary<string, Func<KpiPoint, double?>>(
        StringComparer.Ordinal
    )
    {
        ["unitsOnHand"] = p => p.UnitsOnHand,
        ["unitsShipped"] = p => p.UnitsShipped,
        ["inventoryTurnover30Days"] = p => p.InventoryTurnover30Days,
        ["sellThroughRate90Days"] = p => p.SellThroughRate90Days,
        ["inStockRate"] = p => p.InStockRate,
        ["orderDefectRate"] = p => p.OrderDefectRate,
        ["fulfillmentP50Hours"] = p => p.FulfillmentP50Hours,
        ["fulfillmentP90Hours"] = p => p.FulfillmentP90Hours,
        ["excessShare"] = p => p.ExcessShare,
        ["strandedShare"] = p => p.StrandedShare,
    };

    public static byte[] Render(string title, IReadOnlyList<KpiPoint> points, IReadOnlyList<string> kpis)
    {
        var plot = new Plot();
        var xs = points.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        foreach (var kpi in kpis)
        {
            // A day without a value (no shipment, so no fulfillment speed) is drawn as a gap, not as zero.
            var ys = points.Select(p => Series[kpi](p) ?? double.NaN).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = kpi;
            line.MarkerSize = points.Count > 60 ? 0 : 4;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.ShowLegend();
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
