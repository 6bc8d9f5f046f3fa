using System.Security.Cryptography;
using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>A product a seller registered for fulfilment, known across the network by its FNSKU.</summary>
public sealed record Item(
    string Fnsku,
    string SellerId,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice
)
{
    /// <summary>Volume in cubic feet (capacity limits and bins are measured in it).</summary>
    public decimal CubicFeet => Dimensions.LengthCm * Dimensions.WidthCm * Dimensions.HeightCm / 28_316.846592m;
}

public static class Fnsku
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>A network-wide id in the FNSKU shape: "X0" and eight characters without I and O.</summary>
    public static string Generate()
    {
        Span<char> chars = stackalloc char[10];
        chars[0] = 'X';
        chars[1] = '0';
        for (var i = 2; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: 10 } && value.StartsWith("X0", StringComparison.Ordinal) && value.Skip(2).All(Alphabet.Contains);
}

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
