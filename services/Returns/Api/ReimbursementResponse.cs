using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

/// <summary>A reimbursement owed to the seller: for a damaged return (<c>returnId</c>, <c>inspectionId</c>) or for units an FC lost or
/// damaged (<c>adjustmentId</c>); <c>reason</c> says which.</summary>
public sealed record ReimbursementResponse(
    Guid Id,
    ReimbursementReason Reason,
    Guid? ReturnId,
    Guid? InspectionId,
    Guid? AdjustmentId,
    string Fnsku,
    int Units,
    Money UnitPrice,
    Money Amount,
    DateTime CreatedAt
);
