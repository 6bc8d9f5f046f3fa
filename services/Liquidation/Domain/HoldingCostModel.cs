namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Demand and net revenue per unit sold on one day of a horizon (day 0 is today).</summary>
public delegate (decimal Demand, decimal NetPerUnit) DailyMarket(int day);

public static class HoldingCostModel
{
    /// <summary>The holding cost of these lots for the current month at today's ages and season.</summary>
    public static decimal MonthlyCost(IEnumerable<InventoryLot> lots, ItemProfile item, HoldingCostSchedule schedule, DateTimeOffset now) =>
        Math.Round(lots.Sum(l => l.Quantity * schedule.MonthlyFeePerUnit(item, AgeBrackets.AgeInDays(l.ReceivedAt, now), now)), 2);

    /// <summary>
    /// Day by day over the horizon: every unit still held pays its storage fee and the surcharge of its age that day,
    /// then the day's demand is sold first-in-first-out.
    /// </summary>
    public static SellDown Simulate(
        IEnumerable<InventoryLot> lots,
        ItemProfile item,
        HoldingCostSchedule schedule,
        DateTimeOffset start,
        int horizonDays,
        DailyMarket market
    )
    {
        var held = Fifo.Order(lots).Select(l => (l.ReceivedAt, Quantity: (decimal)l.Quantity)).ToList();
        decimal sold = 0,
            revenue = 0,
            cost = 0;
        for (var day = 0; day < horizonDays && held.Count > 0; day++)
        {
            var date = start.AddDays(day);
            foreach (var (receivedAt, quantity) in held)
            {
                cost +=
                    quantity
                    * schedule.MonthlyFeePerUnit(item, AgeBrackets.AgeInDays(receivedAt, date), date)
                    * HoldingCostSchedule.MonthsPerDay;
            }

            var (demand, netPerUnit) = market(day);
            var toSell = demand;
            while (toSell > 0 && held.Count > 0)
            {
                var take = Math.Min(toSell, held[0].Quantity);
                toSell -= take;
                sold += take;
                revenue += take * netPerUnit;
                held[0] = (held[0].ReceivedAt, held[0].Quantity - take);
                if (held[0].Quantity <= 0)
                {
                    held.RemoveAt(0);
                }
            }
        }

        return new SellDown(Math.Round(sold, 2), Math.Round(revenue, 2), Math.Round(cost, 2), Math.Round(held.Sum(h => h.Quantity), 2));
    }
}
