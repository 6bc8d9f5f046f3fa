using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

public static class ScanRules
{
    public const int MaxBatch = 1000;

    public const string UnitIdRule = "Is required: the unit's barcode, RFID serial or LPN (printable ASCII, at most 64).";

    public static bool IsWellFormedUnitId(string? unitId) =>
        !string.IsNullOrWhiteSpace(unitId) && unitId.Length <= 64 && unitId.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// Checks a batch against the shipment it is scanned into. A batch with any bad scan is refused whole,
    /// so a dock scanner can fix and resend it without working out what half-stored.
    /// </summary>
    public static IEnumerable<(string Field, string Reason)> Check(
        IReadOnlyList<Scan> scans,
        IReadOnlySet<string> fnskusOnShipment,
        string fieldPrefix
    )
    {
        if (scans.Count == 0)
        {
            yield return (fieldPrefix.TrimEnd('.'), "At least one scan is required.");
            yield break;
        }

        if (scans.Count > MaxBatch)
        {
            yield return (fieldPrefix.TrimEnd('.'), $"At most {MaxBatch} scans per request.");
            yield break;
        }

        for (var i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            var at = scans.Count == 1 && fieldPrefix.Length == 0 ? string.Empty : $"{fieldPrefix}[{i}].";
            if (!IsWellFormedUnitId(scan.UnitId))
            {
                yield return ($"{at}unitId", UnitIdRule);
            }

            if (string.IsNullOrWhiteSpace(scan.Fnsku))
            {
                yield return ($"{at}fnsku", "Is required.");
            }
            else if (!fnskusOnShipment.Contains(scan.Fnsku))
            {
                yield return ($"{at}fnsku", $"Unknown barcode: {scan.Fnsku} is not on this shipment.");
            }
        }
    }

    /// <summary>Units newly recorded, grouped the way <see cref="UnitsReceived"/> reports them: per FNSKU and condition.</summary>
    public static IEnumerable<(string Fnsku, UnitCondition Condition, IReadOnlyList<string> UnitIds)> GroupForEvents(
        IEnumerable<Scan> recorded
    ) =>
        recorded
            .GroupBy(s => (s.Fnsku, s.Condition))
            .OrderBy(g => g.Key.Fnsku, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Condition)
            .Select(g => (g.Key.Fnsku, g.Key.Condition, (IReadOnlyList<string>)g.Select(s => s.UnitId).ToList()));
}
