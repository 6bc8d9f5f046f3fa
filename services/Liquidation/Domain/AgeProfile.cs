namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Units per age bracket of a set of lots at one moment.</summary>
public sealed record AgeProfile(int Days0To90, int Days91To180, int Days181To270, int Days271To365, int Over365, int? OldestAgeDays)
{
    public int Total => Days0To90 + Days91To180 + Days181To270 + Days271To365 + Over365;

    public int UnitsIn(AgeBracket bracket) =>
        bracket switch
        {
            AgeBracket.Days0To90 => Days0To90,
            AgeBracket.Days91To180 => Days91To180,
            AgeBracket.Days181To270 => Days181To270,
            AgeBracket.Days271To365 => Days271To365,
            _ => Over365,
        };

    public static AgeProfile Of(IEnumerable<InventoryLot> lots, DateTimeOffset now)
    {
        var units = new int[AgeBrackets.All.Count];
        int? oldest = null;
        foreach (var lot in lots.Where(l => l.Quantity > 0))
        {
            var age = AgeBrackets.AgeInDays(lot.ReceivedAt, now);
            units[(int)AgeBrackets.Of(age)] += lot.Quantity;
            oldest = Math.Max(oldest ?? 0, age);
        }

        return new AgeProfile(units[0], units[1], units[2], units[3], units[4], oldest);
    }
}
