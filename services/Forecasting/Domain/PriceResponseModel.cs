namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// One series' own response to what is known in advance: log(1 + units) regressed on the series' covariates (a price
/// column enters as its log, so the fit is a price elasticity; flags and counts enter as they are), by ridge least squares
/// on standardised columns, recent periods weighted more (half the weight a year back). The forecast of a period is the fit
/// at that period's covariates, turned back into units as the point forecast asks: the median exp(μ) − 1, the expected
/// demand exp(μ + σ²/2) − 1, or the point with the lowest expected percentage error exp(μ − σ²) − 1, σ² the weighted
/// residual variance. This is the classical per-series price and promotion regression; it competes in the backtest with
/// the others and wins where a seller's sales follow its own prices and promotions more than its recent level.
/// </summary>
public static class PriceResponseModel
{
    public const string Name = "PriceResponse";

    /// <summary>The fewest periods a fit needs: a few per coefficient.</summary>
    public const int MinimumPeriods = 26;

    /// <summary>Ridge penalty per period on standardised columns, enough to keep collinear prices stable: chosen on the
    /// validation rounds of OrangeJuice (0.01, 0.05, 0.3, 1 and 3 scored 35.31, 34.52, 33.98, 34.25 and 35.41 % MAPE), the
    /// tuna panel's validation origins telling them apart by less than a point.</summary>
    private const double Ridge = 0.3;

    /// <summary>Whether the model is a candidate for <paramref name="series"/>: it sold in at least half its periods (a
    /// log-linear fit to mostly zeros forecasts next to nothing; Croston and its kin are for those) and has covariates that
    /// vary over its history.</summary>
    public static bool Applies(DemandSeries series) =>
        2 * series.Units.Count(u => u > 0) >= series.Units.Length
        && series.Covariates.Length > 0
        && series.Covariates[0].Length > 0
        && Varying(series.Covariates, series.Units.Length).Count > 0;

    /// <summary>The forecasts of periods origin + h for each horizon h, fitted on periods 0..origin; null when the history to
    /// the origin is too short or no covariate varies in it.</summary>
    public static double[]? Forecast(DemandSeries series, int origin, IReadOnlyList<int> horizons, int yearPeriods, PointForecast point)
    {
        var n = origin + 1;
        if (n < MinimumPeriods || horizons.Any(h => origin + h >= series.Covariates.Length))
        {
            return null;
        }

        var columns = Varying(series.Covariates, n);
        if (columns.Count == 0)
        {
            return null;
        }

        var k = columns.Count;
        var x = new double[n, k];
        var y = new double[n];
        var w = new double[n];
        var halfLife = Math.Max(yearPeriods, 1);
        var weight = 0.0;
        var yMean = 0.0;
        var mean = new double[k];
        for (var t = 0; t < n; t++)
        {
            Row(series.Covariates[t], columns, x, t);
            y[t] = Math.Log(1 + Math.Max(0, series.Units[t]));
            w[t] = Math.Pow(0.5, (double)(origin - t) / halfLife);
            weight += w[t];
            yMean += w[t] * y[t];
            for (var j = 0; j < k; j++)
            {
                mean[j] += w[t] * x[t, j];
            }
        }

        // Centre and standardise every column by its weighted mean and spread, so one ridge penalty suits prices and flags.
        yMean /= weight;
        var spread = new double[k];
        for (var j = 0; j < k; j++)
        {
            mean[j] /= weight;
            for (var t = 0; t < n; t++)
            {
                spread[j] += w[t] * (x[t, j] - mean[j]) * (x[t, j] - mean[j]);
            }

            spread[j] = Math.Sqrt(spread[j] / weight);
            spread[j] = spread[j] > 1e-9 ? spread[j] : 1;
            for (var t = 0; t < n; t++)
            {
                x[t, j] = (x[t, j] - mean[j]) / spread[j];
            }
        }

        var normal = new double[k, k + 1];
        for (var t = 0; t < n; t++)
        {
            for (var i = 0; i < k; i++)
            {
                var wx = w[t] * x[t, i];
                for (var j = i; j < k; j++)
                {
                    normal[i, j] += wx * x[t, j];
                }

                normal[i, k] += wx * (y[t] - yMean);
            }
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < i; j++)
            {
                normal[i, j] = normal[j, i];
            }

            normal[i, i] += Ridge * weight;
        }

        var beta = Solve(normal, k);
        var variance = 0.0;
        for (var t = 0; t < n; t++)
        {
            var fit = yMean;
            for (var j = 0; j < k; j++)
            {
                fit += beta[j] * x[t, j];
            }

            variance += w[t] * (y[t] - fit) * (y[t] - fit);
        }

        variance /= weight;
        var shift = point switch
        {
            PointForecast.Mean => variance / 2,
            PointForecast.PercentageError => -variance,
            _ => 0,
        };
        var row = new double[1, k];
        var result = new double[horizons.Count];
        for (var i = 0; i < horizons.Count; i++)
        {
            Row(series.Covariates[origin + horizons[i]], columns, row, 0);
            var fit = yMean;
            for (var j = 0; j < k; j++)
            {
                fit += beta[j] * (row[0, j] - mean[j]) / spread[j];
            }

            result[i] = Math.Max(0, Math.Exp(fit + shift) - 1);
        }

        return result;
    }

    /// <summary>The columns that vary over the first <paramref name="periods"/> periods, each marked whether it enters as its
    /// log (every value positive and not a whole number: a price or a price ratio).</summary>
    private static List<(int Column, bool Log)> Varying(double[][] covariates, int periods)
    {
        var columns = new List<(int, bool)>();
        var count = Math.Min(periods, covariates.Length);
        for (var j = 0; j < covariates[0].Length; j++)
        {
            var first = covariates[0][j];
            var varies = false;
            var positive = true;
            var whole = true;
            for (var t = 0; t < count; t++)
            {
                var v = covariates[t][j];
                varies |= v != first;
                positive &= v > 0;
                whole &= v == Math.Floor(v);
            }

            if (varies)
            {
                columns.Add((j, positive && !whole));
            }
        }

        return columns;
    }

    private static void Row(double[] covariates, List<(int Column, bool Log)> columns, double[,] into, int row)
    {
        for (var j = 0; j < columns.Count; j++)
        {
            var value = covariates[columns[j].Column];
            into[row, j] = columns[j].Log ? Math.Log(value) : value;
        }
    }

    /// <summary>Solves the k × k system in <paramref name="a"/> (its last column the right-hand side) by Gaussian elimination
    /// with partial pivoting, in place; a singular direction gets 0.</summary>
    public static double[] Solve(double[,] a, int k)
    {
        for (var c = 0; c < k; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < k; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var j = 0; j <= k; j++)
            {
                (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            }

            if (Math.Abs(a[c, c]) < 1e-12)
            {
                continue;
            }

            for (var r = 0; r < k; r++)
            {
                if (r != c)
                {
                    var f = a[r, c] / a[c, c];
                    for (var j = c; j <= k; j++)
                    {
                        a[r, j] -= f * a[c, j];
                    }
                }
            }
        }

        return Enumerable.Range(0, k).Select(i => Math.Abs(a[i, i]) < 1e-12 ? 0 : a[i, k] / a[i, i]).ToArray();
    }
}
