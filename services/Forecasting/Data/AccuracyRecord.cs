namespace InventoryPlatform.Forecasting.Data;

/// <summary>
/// The accuracy of an FNSKU's forecasts over the last days, measured at a refresh: MAPE, WAPE and bias of the P50, and of the
/// interval the share of actuals within P10-P90 (80 % when calibrated) and the mean pinball loss of P10/P50/P90 in units
/// (null when no tracked day had an interval).
/// </summary>
public sealed record AccuracyRecord(
    string Fnsku,
    double? Mape,
    double? Wape,
    double? Bias,
    int Days,
    DateTime MeasuredAt,
    double? Coverage = null,
    double? Pinball = null
);
