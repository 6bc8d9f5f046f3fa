namespace InventoryPlatform.Returns.Data;

public sealed record ReturnSummaryFigures(
    int ShippedUnits,
    int ReturnedUnits,
    int UnexpectedUnits,
    IReadOnlyList<(string? Reason, int Units)> Reasons,
    IReadOnlyList<(string Grade, int Units)> Grades,
    IReadOnlyList<(string Disposition, int Units)> Dispositions,
    IReadOnlyList<(string Currency, int Units, decimal Amount)> Reimbursements
);
