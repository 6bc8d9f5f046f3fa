using InventoryPlatform.Allocation.Data;

namespace InventoryPlatform.Allocation.Application;

/// <summary>What an order holds reserved, in the order its balances are locked.</summary>
internal static class OrderReservations
{
    /// <summary>Units per (FNSKU, FC) of these allocations, in lock order.</summary>
    public static IEnumerable<(string Fnsku, string FulfillmentCenter, int Quantity)> Of(
        OrderView order,
        IEnumerable<OrderAllocationRecord> allocations
    )
    {
        var fnskus = order.Lines.ToDictionary(l => l.LineNumber, l => l.Fnsku);
        return allocations
            .GroupBy(a => (Fnsku: fnskus[a.LineNumber], a.FulfillmentCenter))
            .Select(g => (g.Key.Fnsku, g.Key.FulfillmentCenter, g.Sum(a => a.Quantity)))
            .OrderBy(x => x.Fnsku, StringComparer.Ordinal)
            .ThenBy(x => x.FulfillmentCenter, StringComparer.Ordinal);
    }
}
