using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Domain;

/// <summary>
/// Compares a service's unit counts with the ledger, position by position, over every (FNSKU, FC) either side knows: a key the
/// service does not list holds none of its positions, a key the ledger has no balance for holds nothing.
/// </summary>
public static class StockReconciliation
{
    /// <summary>The ledger's figure of a position; null for a position the ledger does not know.</summary>
    public static int? LedgerUnits(StockBalance balance, string position) =>
        position switch
        {
            StockPositions.OnHand => balance.OnHand,
            StockPositions.Reserved => balance.Reserved,
            StockPositions.Available => balance.Available,
            StockPositions.Inbound => balance.Inbound,
            StockPositions.InTransit => balance.InTransit,
            StockPositions.Unfulfillable => balance.Unfulfillable,
            StockPositions.InboundAndInTransit => balance.Inbound + balance.InTransit,
            _ => null,
        };

    /// <summary>Every drift between the ledger's balances of the seller and the service's counts, in (FNSKU, FC, position) order.</summary>
    public static IReadOnlyList<StockDrift> Compare(
        string service,
        string sellerId,
        IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), StockBalance> ledger,
        IReadOnlyList<string> positions,
        IReadOnlyList<UnitCount> counts
    )
    {
        var counted = counts.GroupBy(c => (c.Fnsku, c.FulfillmentCenter, c.Position)).ToDictionary(g => g.Key, g => g.Sum(c => c.Units));
        var keys = ledger.Keys.Concat(counts.Select(c => (c.Fnsku, c.FulfillmentCenter))).Distinct();
        var drifts = new List<StockDrift>();
        foreach (var (fnsku, center) in keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            var balance = ledger.GetValueOrDefault((fnsku, center), StockBalance.Empty);
            foreach (var position in positions)
            {
                if (LedgerUnits(balance, position) is not { } ledgerUnits)
                {
                    continue;
                }

                var serviceUnits = counted.GetValueOrDefault((fnsku, center, position));
                if (serviceUnits != ledgerUnits)
                {
                    drifts.Add(new StockDrift(service, sellerId, fnsku, center, position, ledgerUnits, serviceUnits));
                }
            }
        }

        return drifts;
    }
}
