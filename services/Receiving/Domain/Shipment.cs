namespace InventoryPlatform.Receiving.Domain;

public enum ShipmentStatus
{
    Created,
    InTransit,
    Receiving,
    Closed,
    Cancelled,
}

public sealed record ShipmentLine(string Fnsku, int ExpectedUnits, int? CasePack, int ReceivedSellable, int ReceivedDamaged);

public static class ShipmentLifecycle
{
    /// <summary>Units can be scanned in until the shipment is closed or cancelled.</summary>
    public static bool AcceptsScans(ShipmentStatus status) =>
        status is ShipmentStatus.Created or ShipmentStatus.InTransit or ShipmentStatus.Receiving;

    /// <summary>The rules a shipment plan must satisfy; each broken rule names the field.</summary>
    public static IEnumerable<(string Field, string Reason)> CheckPlan(string? fulfillmentCenter, IReadOnlyList<(string? Fnsku, int ExpectedUnits, int? CasePack)>? lines)
    {
        if (string.IsNullOrWhiteSpace(fulfillmentCenter) || fulfillmentCenter.Length > 10 || !fulfillmentCenter.All(char.IsAsciiLetterOrDigit))
        {
            yield return ("fulfillmentCenter", "Is required: an FC code such as SEA1 (letters and digits, at most 10).");
        }

        if (lines is null || lines.Count == 0)
        {
            yield return ("lines", "At least one line is required.");
            yield break;
        }

        if (lines.Count > 500)
        {
            yield return ("lines", "At most 500 lines per shipment.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (fnsku, expected, casePack) = lines[i];
            if (!Fnsku.IsWellFormed(fnsku))
            {
                yield return ($"lines[{i}].fnsku", "Must be an FNSKU returned by item registration.");
            }
            else if (!seen.Add(fnsku!))
            {
                yield return ($"lines[{i}].fnsku", "Appears on more than one line.");
            }

            if (expected is <= 0 or > 1_000_000)
            {
                yield return ($"lines[{i}].expectedUnits", "Must be between 1 and 1,000,000.");
            }

            if (casePack is <= 0 || (casePack is > 0 && expected % casePack != 0))
            {
                yield return ($"lines[{i}].casePack", "Must be positive and divide expectedUnits.");
            }
        }
    }
}
