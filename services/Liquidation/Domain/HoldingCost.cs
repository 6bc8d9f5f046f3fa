using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Liquidation.Domain;

/// <summary>What one unit of an FNSKU occupies and is worth; from ItemRegistered and the sales seen.</summary>
public sealed record ItemProfile(
    StorageType StorageType,
    decimal CubicFeetPerUnit,
    decimal WeightLbPerUnit,
    decimal ListPrice,
    decimal AverageSellingPrice,
    string Currency
)
{
    private const decimal CubicCentimetresPerCubicFoot = 28_316.846592m;
    private const decimal PoundsPerKilogram = 2.20462262m;

    public static ItemProfile From(
        StorageType storageType,
        Dimensions dimensions,
        decimal listPrice,
        decimal? averageSellingPrice,
        string currency
    ) =>
        new(
            storageType,
            Math.Round(dimensions.LengthCm * dimensions.WidthCm * dimensions.HeightCm / CubicCentimetresPerCubicFoot, 4),
            Math.Round(dimensions.WeightKg * PoundsPerKilogram, 4),
            listPrice,
            averageSellingPrice is > 0 ? averageSellingPrice.Value : listPrice,
            currency
        );
}

/// <summary>Monthly storage fee per cubic foot outside and inside the peak season.</summary>
public sealed class StorageRate
{
    public decimal OffPeak { get; set; }

    public decimal Peak { get; set; }
}

/// <summary>
/// Monthly storage fee per cubic foot by storage type and season (peak October to December), plus the aged-inventory
/// surcharge per cubic foot and month by age bracket. Seeded with figures of the order marketplaces charge; every
/// number can be overridden under <c>Liquidation:HoldingCost</c>.
/// </summary>
public sealed class HoldingCostSchedule
{
    public const decimal MonthsPerDay = 12m / 365m;

    public Dictionary<StorageType, StorageRate> MonthlyFeePerCubicFoot { get; set; } =
        new()
        {
            [StorageType.Standard] = new StorageRate { OffPeak = 0.87m, Peak = 2.40m },
            [StorageType.Oversize] = new StorageRate { OffPeak = 0.56m, Peak = 1.40m },
            [StorageType.Apparel] = new StorageRate { OffPeak = 0.87m, Peak = 2.40m },
            [StorageType.Footwear] = new StorageRate { OffPeak = 0.87m, Peak = 2.40m },
            [StorageType.Hazmat] = new StorageRate { OffPeak = 0.99m, Peak = 3.63m },
        };

    /// <summary>First and last month (1-12) of the peak season.</summary>
    public int PeakStartMonth { get; set; } = 10;

    public int PeakEndMonth { get; set; } = 12;

    /// <summary>Aged-inventory surcharge: nothing before 181 days, rising, steepest after 365.</summary>
    public Dictionary<AgeBracket, decimal> MonthlySurchargePerCubicFoot { get; set; } =
        new()
        {
            [AgeBracket.Days0To90] = 0m,
            [AgeBracket.Days91To180] = 0m,
            [AgeBracket.Days181To270] = 0.50m,
            [AgeBracket.Days271To365] = 1.50m,
            [AgeBracket.Over365] = 6.90m,
        };

    public bool IsPeak(DateTimeOffset day) =>
        PeakStartMonth <= PeakEndMonth
            ? day.Month >= PeakStartMonth && day.Month <= PeakEndMonth
            : day.Month >= PeakStartMonth || day.Month <= PeakEndMonth;

    public decimal StorageFee(StorageType storageType, DateTimeOffset day) =>
        MonthlyFeePerCubicFoot.TryGetValue(storageType, out var rate) ? (IsPeak(day) ? rate.Peak : rate.OffPeak) : 0m;

    public decimal Surcharge(AgeBracket bracket) => MonthlySurchargePerCubicFoot.GetValueOrDefault(bracket);

    /// <summary>Monthly fee for one unit of this age on this day: storage plus aged surcharge.</summary>
    public decimal MonthlyFeePerUnit(ItemProfile item, int ageDays, DateTimeOffset day) =>
        item.CubicFeetPerUnit * (StorageFee(item.StorageType, day) + Surcharge(AgeBrackets.Of(ageDays)));
}

/// <summary>What happens to stock kept over a horizon: units sold, revenue, and holding cost paid meanwhile.</summary>
public sealed record SellDown(decimal UnitsSold, decimal Revenue, decimal HoldingCost, decimal UnitsLeft);

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
