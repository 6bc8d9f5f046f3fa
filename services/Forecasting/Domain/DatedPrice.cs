namespace InventoryPlatform.Forecasting.Domain;

/// <summary>An FNSKU's list price from <see cref="From"/> on, until the next dated price.</summary>
public sealed record DatedPrice(DateOnly From, double Price);
