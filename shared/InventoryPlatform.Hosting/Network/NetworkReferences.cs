namespace InventoryPlatform.Hosting.Network;

/// <summary>
/// The codes of the FC network a request may name: fulfillment centers and marketplaces (upper case, as Allocation keeps
/// them) and ship-to regions (as spelled in the network). <see cref="Require"/> turns an unknown code into a field error.
/// </summary>
public sealed record NetworkReferences(
    long Version,
    IReadOnlyDictionary<string, (string Marketplace, string Region)> FulfillmentCenters,
    IReadOnlyDictionary<string, string> Regions,
    IReadOnlySet<string> Marketplaces
)
{
    public bool IsFulfillmentCenter(string? code) => code is not null && FulfillmentCenters.ContainsKey(code.ToUpperInvariant());

    public bool IsRegion(string? code) => code is not null && Regions.ContainsKey(code);

    public bool IsMarketplace(string? code) => code is not null && Marketplaces.Contains(code.ToUpperInvariant());

    /// <summary>Adds a 400 field error when <paramref name="code"/> is given (or required) and the network does not hold it;
    /// nothing when the field already has an error (its format, say).</summary>
    public Validation Require(Validation validation, NetworkReference kind, string field, string? code, bool required = true)
    {
        if (validation.HasError(field))
        {
            return validation;
        }

        if (code is null)
        {
            return validation.Require(!required, field, "Is required.");
        }

        return kind switch
        {
            NetworkReference.FulfillmentCenter => validation.Require(
                IsFulfillmentCenter(code),
                field,
                $"'{code}' is not a fulfillment center of the network."
            ),
            NetworkReference.Region => validation.Require(IsRegion(code), field, $"'{code}' is not a region of the network."),
            _ => validation.Require(IsMarketplace(code), field, $"'{code}' is not a marketplace of the network."),
        };
    }
}
