namespace InventoryPlatform.Allocation.Domain;

/// <summary>The fulfillment centers, the regions they ship to and the hours between them.</summary>
public sealed record FulfillmentNetwork(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<FulfillmentCenter> Centers,
    IReadOnlyList<TransitTime> TransitTimes,
    CrossBorderPolicy CrossBorder
)
{
    public Region? FindRegion(string code) => Regions.FirstOrDefault(r => r.Code == code);

    public FulfillmentCenter? FindCenter(string code) => Centers.FirstOrDefault(c => c.Code == code);

    public bool IsMarketplace(string marketplace) =>
        Regions.Any(r => r.Marketplace == marketplace) || Centers.Any(c => c.Marketplace == marketplace);

    /// <summary>
    /// The FCs that can ship an order of <paramref name="marketplace"/> to <paramref name="shipToRegion"/>: those with a
    /// transit time to the region, from the marketplace's own pool, or from another marketplace's pool at the
    /// cross-border penalty when the policy allows it. Sorted soonest first.
    /// </summary>
    public IReadOnlyList<ShippingOption> OptionsFor(string marketplace, string shipToRegion)
    {
        var centers = Centers.ToDictionary(c => c.Code, StringComparer.Ordinal);
        return TransitTimes
            .Where(t => t.Region == shipToRegion && centers.ContainsKey(t.FulfillmentCenter))
            .Select(t => (Transit: t, CrossBorder: centers[t.FulfillmentCenter].Marketplace != marketplace))
            .Where(x => !x.CrossBorder || CrossBorder.Allowed)
            .Select(x => new ShippingOption(
                x.Transit.FulfillmentCenter,
                x.Transit.TransitHours + (x.CrossBorder ? CrossBorder.PenaltyHours : 0),
                x.CrossBorder
            ))
            .OrderBy(o => o.Hours)
            .ThenBy(o => o.FulfillmentCenter, StringComparer.Ordinal)
            .ToList();
    }
}
