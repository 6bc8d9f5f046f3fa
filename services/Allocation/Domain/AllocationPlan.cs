namespace InventoryPlatform.Allocation.Domain;

/// <summary>Where an order's units come from, and what could not be found (backordered, per line number).</summary>
public sealed record AllocationPlan(IReadOnlyList<PlannedAllocation> Allocations, IReadOnlyDictionary<int, int> Backordered)
{
    public bool IsComplete => Backordered.Values.All(q => q == 0);

    public bool IsEmpty => Allocations.Count == 0;

    public int Splits => Allocations.Select(a => a.FulfillmentCenter).Distinct(StringComparer.Ordinal).Count();
}
