namespace InventoryPlatform.Forecasting.Domain;

/// <summary>How a seller restocks one FNSKU. Lead time: days from ordering until units are sellable at the FC;
/// review period: days between order decisions; service level: the chance of not running out before the next order arrives.</summary>
public sealed record ReplenishmentSettings(
    int LeadTimeDays,
    int ReviewPeriodDays,
    int MinimumOrderQuantity,
    int CasePack,
    double ServiceLevel
)
{
    public static ReplenishmentSettings Default { get; } = new(14, 7, 0, 1, 0.95);

    /// <summary>Field and reason of every setting out of range.</summary>
    public IEnumerable<(string Field, string Reason)> Problems()
    {
        if (LeadTimeDays is < 0 or > 365)
        {
            yield return ("leadTimeDays", "Must be between 0 and 365.");
        }

        if (ReviewPeriodDays is < 1 or > 90)
        {
            yield return ("reviewPeriodDays", "Must be between 1 and 90.");
        }

        if (MinimumOrderQuantity is < 0 or > 1_000_000)
        {
            yield return ("minimumOrderQuantity", "Must be between 0 and 1000000.");
        }

        if (CasePack is < 1 or > 10_000)
        {
            yield return ("casePack", "Must be between 1 and 10000.");
        }

        if (ServiceLevel is not (>= 0.5 and <= 0.999))
        {
            yield return ("serviceLevel", "Must be between 0.5 and 0.999.");
        }
    }
}
