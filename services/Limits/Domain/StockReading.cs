namespace InventoryPlatform.Limits.Domain;

/// <summary>The units of one stocked item (a seller's FNSKU) at the end of a day, summed over the FCs holding it.</summary>
public sealed record StockReading(string Key, DateOnly Day, int OnHand, int Available);
