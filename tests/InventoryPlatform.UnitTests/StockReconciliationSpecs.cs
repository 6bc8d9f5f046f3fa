using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.UnitTests;

public sealed class StockReconciliationSpecs
{
    private static readonly Dictionary<(string Fnsku, string FulfillmentCenter), StockBalance> Ledger = new()
    {
        [("X0A", "SEA1")] = new StockBalance(7, 2, 4, 1, 1, 20),
        [("X0B", "EWR9")] = new StockBalance(3, 0, 0, 0, 0, 3),
    };

    [Test]
    public void Counts_that_agree_with_the_ledger_are_no_drift()
    {
        var counts = new[]
        {
            new UnitCount("X0A", "SEA1", StockPositions.Available, 5),
            new UnitCount("X0A", "SEA1", StockPositions.InboundAndInTransit, 5),
            new UnitCount("X0B", "EWR9", StockPositions.Available, 3),
            new UnitCount("X0B", "EWR9", StockPositions.InboundAndInTransit, 0),
        };

        Assert.That(
            StockReconciliation.Compare(
                "forecasting",
                "s1",
                Ledger,
                [StockPositions.Available, StockPositions.InboundAndInTransit],
                counts
            ),
            Is.Empty
        );
    }

    [Test]
    public void Each_position_that_differs_is_named_with_both_figures_including_keys_only_one_side_knows()
    {
        var counts = new[]
        {
            new UnitCount("X0A", "SEA1", StockPositions.OnHand, 9),
            new UnitCount("X0A", "SEA1", StockPositions.Unfulfillable, 1),
            new UnitCount("X0C", "SEA1", StockPositions.OnHand, 2),
        };

        var drifts = StockReconciliation.Compare("limits", "s1", Ledger, [StockPositions.OnHand, StockPositions.Unfulfillable], counts);

        Assert.That(
            drifts,
            Is.EqualTo(
                new[]
                {
                    new StockDrift("limits", "s1", "X0A", "SEA1", StockPositions.OnHand, 7, 9),
                    new StockDrift("limits", "s1", "X0B", "EWR9", StockPositions.OnHand, 3, 0),
                    new StockDrift("limits", "s1", "X0C", "SEA1", StockPositions.OnHand, 0, 2),
                }
            )
        );
    }
}
