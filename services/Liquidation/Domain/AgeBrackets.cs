namespace InventoryPlatform.Liquidation.Domain;

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
