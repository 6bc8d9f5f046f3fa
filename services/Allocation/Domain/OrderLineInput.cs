namespace InventoryPlatform.Allocation.Domain;

/// <summary>A line as a partner sent it, before it is checked.</summary>
public sealed record OrderLineInput(string? Fnsku, int Quantity, decimal? UnitPriceAmount, string? Currency);
