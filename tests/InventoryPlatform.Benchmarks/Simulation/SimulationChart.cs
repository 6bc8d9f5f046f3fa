using ScottPlot;

namespace InventoryPlatform.Benchmarks.Simulation;

/// <summary>
/// The outcomes of both policies as grouped bars, each metric as a percentage of the baseline's value (metrics where the
/// baseline is zero, split shipments and aged units with one FC, are in the table only).
/// </summary>
public static class SimulationChart
{
    public static void Save(IReadOnlyList<SimulationOutcome> outcomes, string path)
    {
        (string Label, Func<SimulationOutcome, double> Value)[] metrics =
        [
            ("fill rate", o => o.FillRate),
            ("transit hours", o => o.AverageTransitHours),
            ("days of supply", o => o.AverageDaysOfSupply),
            ("storage cost", o => (double)o.StorageCost),
        ];
        var baseline = outcomes[^1];
        var colors = new[] { Colors.SteelBlue, Colors.Gray };
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var m = 0; m < metrics.Length; m++)
        {
            var reference = metrics[m].Value(baseline);
            for (var o = 0; o < outcomes.Count; o++)
            {
                var value = reference == 0 ? 0 : 100 * metrics[m].Value(outcomes[o]) / reference;
                bars.Add(
                    new Bar
                    {
                        Position = (m * (outcomes.Count + 1)) + o,
                        Value = value,
                        FillColor = colors[o % colors.Length],
                    }
                );
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            metrics.Select((_, m) => (m * (outcomes.Count + 1)) + ((outcomes.Count - 1) / 2.0)).ToArray(),
            metrics.Select(x => x.Label).ToArray()
        );
        plot.Axes.Margins(bottom: 0);
        plot.Title("A simulated year: platform policies against the baseline (baseline = 100)");
        plot.YLabel("% of baseline");
        for (var o = 0; o < outcomes.Count; o++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = outcomes[o].Policy, FillColor = colors[o % colors.Length] });
        }

        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1100, 550);
    }
}
