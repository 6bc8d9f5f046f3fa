using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

public sealed record InspectionResponse(
    Guid Id,
    Guid ReturnId,
    ReturnGrade Grade,
    bool OpenedPackaging,
    string? Category,
    string? Note,
    string Inspector,
    int Units,
    Disposition Disposition,
    Responsibility Responsibility,
    string Rule,
    DateTime InspectedAt,
    IReadOnlyList<string>? UnitIds,
    ReimbursementSummary? Reimbursement
)
{
    public static InspectionResponse From(
        InspectionRecord i,
        IReadOnlyList<string>? unitIds = null,
        ReimbursementOutcome? reimbursement = null
    ) =>
        new(
            i.Id,
            i.ReturnId,
            i.Grade,
            i.OpenedPackaging,
            i.Category,
            i.Note,
            i.Inspector,
            i.Units,
            i.Disposition,
            i.Responsibility,
            i.Rule,
            i.InspectedAt,
            unitIds,
            reimbursement is { } r
                ? new ReimbursementSummary(r.Units, new Money(r.UnitPrice, r.Currency), new Money(r.Amount, r.Currency))
                : null
        );
}
