using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Liquidation.Domain;

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
