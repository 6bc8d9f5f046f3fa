namespace InventoryPlatform.Forecasting.Application;

/// <summary>Why a series (FNSKU/region), or the whole refresh when <see cref="Series"/> is null, was not forecast.</summary>
public sealed record RefreshError(string? Series, string Reason);
