using System.Text.RegularExpressions;

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The shapes of the region and marketplace codes Forecasting accepts.</summary>
public static partial class MarketCodes
{
    public static bool IsRegion(string? value) => value is not null && RegionPattern().IsMatch(value);

    public static bool IsMarketplace(string? value) => value is not null && MarketplacePattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z]{2,10}$")]
    private static partial Regex MarketplacePattern();
}
