using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>Expected against received, per shipment line.</summary>
public static class Discrepancies
{
    /// <summary>
    /// Per line: the shortage is the units expected that did not arrive at all; the overage is the units that
    /// arrived beyond what was expected; damaged units arrived (they count against the shortage) and are
    /// reported as such. A line is either short or over, never both.
    /// </summary>
    public static ShipmentLineDiscrepancy For(ShipmentLine line)
    {
        var arrived = line.ReceivedSellable + line.ReceivedDamaged;
        return new ShipmentLineDiscrepancy(
            line.Fnsku,
            line.ExpectedUnits,
            line.ReceivedSellable,
            line.ReceivedDamaged,
            Shortage: Math.Max(0, line.ExpectedUnits - arrived),
            Overage: Math.Max(0, arrived - line.ExpectedUnits)
        );
    }

    /// <summary>Every line of a shipment, in FNSKU order.</summary>
    public static IReadOnlyList<ShipmentLineDiscrepancy> For(IEnumerable<ShipmentLine> lines) =>
        lines.OrderBy(l => l.Fnsku, StringComparer.Ordinal).Select(For).ToList();

    /// <summary>True when the line arrived exactly as planned: everything, nothing extra, nothing damaged.</summary>
    public static bool IsClean(ShipmentLineDiscrepancy line) => line is { Shortage: 0, Overage: 0, ReceivedDamaged: 0 };
}
