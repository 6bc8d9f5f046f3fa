using InventoryPlatform.Primitives;

namespace InventoryPlatform.Receiving.Domain;

public static class ShipmentLifecycle
{
    /// <summary>Units can be scanned in until the shipment is closed or cancelled.</summary>
    public static bool AcceptsScans(ShipmentStatus status) =>
        status is ShipmentStatus.Created or ShipmentStatus.InTransit or ShipmentStatus.Receiving;

    /// <summary>
    /// The lifecycle Created → InTransit → Receiving → Closed, or Cancelled before anything was received.
    /// The first accepted scan moves a Created or InTransit shipment to Receiving (a truck may reach the dock
    /// before the seller marked the shipment shipped). Closing is possible once the shipment left the seller
    /// (InTransit: it arrived empty or never arrived, everything is short) or is being received.
    /// </summary>
    public static Transition Apply(ShipmentStatus current, ShipmentAction action, int unitsReceived) =>
        (action, current) switch
        {
            (ShipmentAction.Ship, ShipmentStatus.Created) => Transition.Allowed(ShipmentStatus.InTransit),
            (ShipmentAction.Ship, ShipmentStatus.InTransit) => Transition.Refused("The shipment is already in transit."),
            (ShipmentAction.Ship, _) => Transition.Refused($"Only a Created shipment can be shipped; this one is {current}."),

            (ShipmentAction.Close, ShipmentStatus.InTransit or ShipmentStatus.Receiving) => Transition.Allowed(ShipmentStatus.Closed),
            (ShipmentAction.Close, ShipmentStatus.Created) => Transition.Refused(
                "The shipment was never shipped: cancel it instead, or mark it shipped first."
            ),
            (ShipmentAction.Close, _) => Transition.Refused($"The shipment is already {current}."),

            (ShipmentAction.Cancel, ShipmentStatus.Created or ShipmentStatus.InTransit) when unitsReceived == 0 => Transition.Allowed(
                ShipmentStatus.Cancelled
            ),
            (ShipmentAction.Cancel, ShipmentStatus.Created or ShipmentStatus.InTransit or ShipmentStatus.Receiving) => Transition.Refused(
                $"{unitsReceived} unit(s) were already received: close the shipment instead."
            ),
            (ShipmentAction.Cancel, _) => Transition.Refused($"The shipment is already {current}."),

            _ => Transition.Refused($"{action} is not possible from {current}."),
        };

    /// <summary>The rules a shipment plan must satisfy; each broken rule names the field.</summary>
    public static IEnumerable<(string Field, string Reason)> CheckPlan(
        string? fulfillmentCenter,
        IReadOnlyList<(string? Fnsku, int ExpectedUnits, int? CasePack)>? lines
    )
    {
        if (
            string.IsNullOrWhiteSpace(fulfillmentCenter)
            || fulfillmentCenter.Length > 10
            || !fulfillmentCenter.All(char.IsAsciiLetterOrDigit)
        )
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
            if (!Fnsku.IsValid(fnsku))
            {
                yield return ($"lines[{i}].fnsku", Fnsku.Rule);
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
