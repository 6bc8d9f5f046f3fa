namespace InventoryPlatform.Forecasting.Domain;

/// <summary>How one candidate model did in the backtest of one series.</summary>
public sealed record CandidateAccuracy(string Model, double? Wape, double? Mape, double? Bias, double Mae, double Rmse, int Points);
