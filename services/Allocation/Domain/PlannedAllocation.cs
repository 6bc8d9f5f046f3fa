namespace InventoryPlatform.Allocation.Domain;

/// <summary>Units of one order line to reserve at one FC.</summary>
public sealed record PlannedAllocation(int LineNumber, string Fnsku, string FulfillmentCenter, int Quantity);
