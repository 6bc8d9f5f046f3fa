using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>Draws sales history and forecast with its interval band as a PNG.</summary>
public static class ForecastChart
{
    public static byte[] Png(string fnsku, IReadOnlyList<(DateOnly Date, double Units)> actual, IReadOnlyList<ForecastPoint> forecast)
    {
        ChartFont.Register();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ChartFont.Family);
        var xs = forecast.Select(f => f.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var band = plot.Add.FillY(xs, forecast.Select(f => f.P10).ToArray(), forecast.Select(f => f.P90).ToArray());
        band.LegendText = "P10-P90";
        var median = plot.Add.Scatter(xs, forecast.Select(f => f.P50).ToArray());
        median.LegendText = "forecast P50";
        median.MarkerSize = 0;
        if (actual.Count > 0)
        {
            var sold = plot.Add.Scatter(
                actual.Select(a => a.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray(),
                actual.Select(a => a.Units).ToArray()
            );
            sold.LegendText = "units sold";
            sold.MarkerSize = 3;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"{fnsku}: daily units");
        plot.ShowLegend();
        return plot.GetImageBytes(900, 420, ScottPlot.ImageFormat.Png);
    }
}
