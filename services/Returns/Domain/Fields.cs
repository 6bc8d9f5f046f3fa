namespace InventoryPlatform.Returns.Domain;

/// <summary>Shapes of the identifiers Returns accepts (FNSKUs follow the shared <c>Fnsku</c> rule).</summary>
public static class Fields
{
    public const string FulfillmentCenterRule = "Is required: the FC code, 1-10 letters and digits.";

    public const string UnitIdRule = "Must be the unit's barcode, RFID serial or LPN (printable ASCII, at most 64).";

    public static bool IsFulfillmentCenter(string? value) => IsCode(value);

    public static bool IsUnitId(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 64 && value.All(c => c is >= '!' and <= '~');

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsCode(string? value) => value is { Length: >= 1 and <= 10 } && value.All(char.IsAsciiLetterOrDigit);
}
