namespace InventoryPlatform.Allocation.Domain;

/// <summary>Whether an order may be filled from another marketplace's stock pool, and the hours that costs on top of transit.</summary>
public sealed record CrossBorderPolicy(bool Allowed, int PenaltyHours);
