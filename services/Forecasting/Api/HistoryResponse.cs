namespace InventoryPlatform.Forecasting.Api;

public sealed record HistoryResponse(string Fnsku, DateOnly From, DateOnly To, IReadOnlyList<HistoryDay> Days);
