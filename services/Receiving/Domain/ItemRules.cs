using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>The rules an item registration must satisfy; each broken rule names the field.</summary>
public static class ItemRules
{
    public static IEnumerable<(string Field, string Reason)> Check(
        string? sellerSku,
        string? title,
        StorageType? storageType,
        Dimensions? dimensions,
        Money? listPrice
    )
    {
        if (string.IsNullOrWhiteSpace(sellerSku) || sellerSku.Length > 64)
        {
            yield return ("sellerSku", "Is required, at most 64 characters.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            yield return ("title", "Is required, at most 200 characters.");
        }

        if (storageType is null)
        {
            yield return ("storageType", "Is required: standard, oversize, apparel, footwear or hazmat.");
        }

        if (dimensions is null)
        {
            yield return ("dimensions", "Is required.");
        }
        else
        {
            if (dimensions.LengthCm is <= 0 or > 1000)
            {
                yield return ("dimensions.lengthCm", "Must be more than 0 and at most 1000.");
            }
            if (dimensions.WidthCm is <= 0 or > 1000)
            {
                yield return ("dimensions.widthCm", "Must be more than 0 and at most 1000.");
            }
            if (dimensions.HeightCm is <= 0 or > 1000)
            {
                yield return ("dimensions.heightCm", "Must be more than 0 and at most 1000.");
            }
            if (dimensions.WeightKg is <= 0 or > 1000)
            {
                yield return ("dimensions.weightKg", "Must be more than 0 and at most 1000.");
            }
        }

        if (listPrice is null)
        {
            yield return ("listPrice", "Is required.");
        }
        else
        {
            if (listPrice.Amount is < 0 or > 1_000_000)
            {
                yield return ("listPrice.amount", "Must be between 0 and 1,000,000.");
            }
            if (listPrice.Currency is not { Length: 3 } || !listPrice.Currency.All(char.IsAsciiLetterUpper))
            {
                yield return ("listPrice.currency", "Must be an ISO 4217 code such as USD.");
            }
        }
    }
}
