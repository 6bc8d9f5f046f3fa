namespace InventoryPlatform.Liquidation.Domain;

/// <summary>The age brackets aged-inventory fees and reports use.</summary>
public enum AgeBracket
{
    Days0To90,
    Days91To180,
    Days181To270,
    Days271To365,
    Over365,
}

/// <summary>Whether units can be sold (on the shelf) or not (damaged receipts, unsellable returns).</summary>
public enum StockKind
{
    Sellable,
    Unfulfillable,
}

/// <summary>Units of one FNSKU at one FC that arrived together; their age starts at <see cref="ReceivedAt"/>.</summary>
public sealed record InventoryLot(Guid Id, DateTimeOffset ReceivedAt, int Quantity);

/// <summary>What one consumption took from one lot.</summary>
public sealed record LotDraw(Guid LotId, int Quantity, int RemainingInLot);

/// <summary>
/// The outcome of taking units out first-in-first-out. <see cref="Shortfall"/> is what the lots could not cover
/// (units that arrived before this service knew of them, for instance).
/// </summary>
public sealed record FifoOutcome(IReadOnlyList<InventoryLot> Remaining, IReadOnlyList<LotDraw> Draws, int Shortfall);

public static class AgeBrackets
{
    public static readonly IReadOnlyList<AgeBracket> All = Enum.GetValues<AgeBracket>();

    public static AgeBracket Of(int ageDays) =>
        ageDays switch
        {
            <= 90 => AgeBracket.Days0To90,
            <= 180 => AgeBracket.Days91To180,
            <= 270 => AgeBracket.Days181To270,
            <= 365 => AgeBracket.Days271To365,
            _ => AgeBracket.Over365,
        };

    /// <summary>Whole days since receipt; a unit received today is 0 days old.</summary>
    public static int AgeInDays(DateTimeOffset receivedAt, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Floor((now - receivedAt).TotalDays));

    public static string Label(AgeBracket bracket) =>
        bracket switch
        {
            AgeBracket.Days0To90 => "0-90",
            AgeBracket.Days91To180 => "91-180",
            AgeBracket.Days181To270 => "181-270",
            AgeBracket.Days271To365 => "271-365",
            _ => "365+",
        };
}

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
