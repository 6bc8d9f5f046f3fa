namespace InventoryPlatform.Returns.Domain;

/// <summary>How long after shipping a customer may still return, per marketplace (days), and the default elsewhere.</summary>
public sealed record ReturnWindows(int DefaultDays, IReadOnlyDictionary<string, int> DaysByMarketplace)
{
    public const int StandardDays = 30;

    public static ReturnWindows Standard { get; } = new(StandardDays, new Dictionary<string, int>());

    public int DaysFor(string marketplace)
    {
        foreach (var (key, days) in DaysByMarketplace)
        {
            if (string.Equals(key, marketplace, StringComparison.OrdinalIgnoreCase))
            {
                return days;
            }
        }

        return DefaultDays;
    }

    public DateTimeOffset ClosesAt(string marketplace, DateTimeOffset shippedAt) => shippedAt.AddDays(DaysFor(marketplace));
}
