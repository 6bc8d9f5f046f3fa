namespace InventoryPlatform.Returns.Api;

/// <summary>The seller's returns over a window: rate, reasons (units received per authorization reason), grades, dispositions, money
/// owed.</summary>
public sealed record ReturnSummary(
    DateTime From,
    DateTime To,
    int ShippedUnits,
    int ReturnedUnits,
    double? ReturnRate,
    int UnexpectedUnits,
    IReadOnlyList<UnitsBy<string>> Reasons,
    IReadOnlyList<UnitsBy<string>> Grades,
    IReadOnlyList<UnitsBy<string>> Dispositions,
    IReadOnlyList<ReimbursementsOwed> ReimbursementsOwed,
    double HighReturnRateThreshold
);
