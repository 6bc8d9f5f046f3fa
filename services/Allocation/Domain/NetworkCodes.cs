using System.Text.RegularExpressions;

namespace InventoryPlatform.Allocation.Domain;

/// <summary>The shapes of the FC network's codes, checked where an operator names them.</summary>
public static partial class NetworkCodes
{
    public static bool IsRegion(string? code) => code is not null && RegionPattern().IsMatch(code);

    public static bool IsMarketplace(string? code) => code is not null && MarketplacePattern().IsMatch(code);

    public static bool IsCenter(string? code) => code is not null && CenterPattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex MarketplacePattern();

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex CenterPattern();
}
