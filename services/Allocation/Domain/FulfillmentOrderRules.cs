using System.Text.RegularExpressions;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Domain;

public static partial class FulfillmentOrderRules
{
    public const int MaxLines = 50;
    public const int MaxUnitsPerLine = 10_000;

    /// <summary>The field errors of an order request; none means it may be allocated.</summary>
    public static IEnumerable<(string Field, string Reason)> Check(
        FulfillmentNetwork network,
        string? partnerOrderId,
        string? marketplace,
        string? shipToRegion,
        IReadOnlyList<OrderLineInput>? lines
    )
    {
        if (partnerOrderId is not null && (partnerOrderId.Length is 0 or > 64 || !partnerOrderId.All(c => c is >= '!' and <= '~')))
        {
            yield return ("partnerOrderId", "At most 64 printable characters.");
        }

        if (string.IsNullOrWhiteSpace(marketplace))
        {
            yield return ("marketplace", "Is required.");
        }
        else if (!network.IsMarketplace(marketplace.ToUpperInvariant()))
        {
            yield return ("marketplace", $"'{marketplace}' is not a marketplace of the network.");
        }

        if (string.IsNullOrWhiteSpace(shipToRegion))
        {
            yield return ("shipToRegion", "Is required.");
        }
        else if (network.FindRegion(shipToRegion) is not { } region)
        {
            yield return ("shipToRegion", $"'{shipToRegion}' is not a region of the network.");
        }
        else if (marketplace is not null && !string.Equals(region.Marketplace, marketplace, StringComparison.OrdinalIgnoreCase))
        {
            yield return ("shipToRegion", $"'{shipToRegion}' belongs to marketplace {region.Marketplace}, not {marketplace}.");
        }

        if (lines is null || lines.Count == 0)
        {
            yield return ("lines", "At least one line is required.");
            yield break;
        }

        if (lines.Count > MaxLines)
        {
            yield return ("lines", $"At most {MaxLines} lines.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!Fnsku.IsValid(line.Fnsku))
            {
                yield return ($"lines[{i}].fnsku", Fnsku.Rule);
            }
            else if (!seen.Add(line.Fnsku.ToUpperInvariant()))
            {
                yield return ($"lines[{i}].fnsku", $"{line.Fnsku} appears on more than one line.");
            }

            if (line.Quantity is < 1 or > MaxUnitsPerLine)
            {
                yield return ($"lines[{i}].quantity", $"Must be between 1 and {MaxUnitsPerLine}.");
            }

            if (line.UnitPriceAmount is null or < 0)
            {
                yield return ($"lines[{i}].unitPrice.amount", "Is required and may not be negative.");
            }

            if (line.Currency is null || !CurrencyPattern().IsMatch(line.Currency))
            {
                yield return ($"lines[{i}].unitPrice.currency", "Must be a three-letter ISO 4217 code such as USD.");
            }
        }
    }

    /// <summary>The status of a new order from what its allocation found.</summary>
    public static OrderStatus StatusOf(AllocationPlan plan) =>
        plan.IsComplete ? OrderStatus.Allocated
        : plan.IsEmpty ? OrderStatus.Backordered
        : OrderStatus.PartiallyAllocated;

    /// <summary>Why an order cannot be cancelled, or null when it can.</summary>
    public static string? CannotCancel(OrderStatus status) =>
        status switch
        {
            OrderStatus.PartiallyShipped or OrderStatus.Shipped => "Units of this order have shipped; it can no longer be cancelled.",
            _ => null,
        };

    /// <summary>Why the units of an order at an FC cannot ship, or null when they can.</summary>
    public static string? CannotShip(OrderStatus status, int unshippedAtCenter, int shippedAtCenter, string fulfillmentCenter) =>
        status switch
        {
            OrderStatus.Cancelled => "The order is cancelled.",
            _ when unshippedAtCenter == 0 && shippedAtCenter > 0 => $"The shipment from {fulfillmentCenter} was already confirmed.",
            _ when unshippedAtCenter == 0 => $"No units of this order are reserved at {fulfillmentCenter}.",
            _ => null,
        };

    /// <summary>
    /// The status after an FC shipment, given how many allocations are still waiting to ship and how many units are still
    /// backordered: an order is shipped only when nothing of it is left to ship, backorders included.
    /// </summary>
    public static OrderStatus StatusAfterShipment(int allocationsStillUnshipped, int unitsStillBackordered) =>
        allocationsStillUnshipped == 0 && unitsStillBackordered == 0 ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;

    /// <summary>
    /// The status after backordered units were allocated: an order that shipped part of its units stays partially shipped
    /// (the new units still have to ship); otherwise allocated when nothing is backordered any more.
    /// </summary>
    public static OrderStatus StatusAfterBackorderFill(int unitsStillBackordered, bool anyShipped) =>
        anyShipped ? OrderStatus.PartiallyShipped
        : unitsStillBackordered == 0 ? OrderStatus.Allocated
        : OrderStatus.PartiallyAllocated;

    /// <summary>Whether an order in this status may still get units for its backordered lines.</summary>
    public static bool WaitsForBackorders(OrderStatus status) =>
        status is OrderStatus.Backordered or OrderStatus.PartiallyAllocated or OrderStatus.PartiallyShipped;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
