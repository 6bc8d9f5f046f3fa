namespace InventoryPlatform.Liquidation.Domain;

/// <summary>First in, first out: stock leaving an FC is taken from its oldest lots.</summary>
public static class Fifo
{
    public static IReadOnlyList<InventoryLot> Order(IEnumerable<InventoryLot> lots) =>
        [.. lots.Where(l => l.Quantity > 0).OrderBy(l => l.ReceivedAt).ThenBy(l => l.Id)];

    public static FifoOutcome Consume(IEnumerable<InventoryLot> lots, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var remaining = new List<InventoryLot>();
        var draws = new List<LotDraw>();
        var left = quantity;
        foreach (var lot in Order(lots))
        {
            var take = Math.Min(left, lot.Quantity);
            left -= take;
            if (take > 0)
            {
                draws.Add(new LotDraw(lot.Id, take, lot.Quantity - take));
            }

            if (lot.Quantity - take > 0)
            {
                remaining.Add(lot with { Quantity = lot.Quantity - take });
            }
        }

        return new FifoOutcome(remaining, draws, left);
    }
}
