using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

/// <summary>A reimbursement owed to a seller: from a graded return (return and inspection set) or from an adjustment at an FC.</summary>
public sealed record ReimbursementRecord(
    Guid Id,
    string SellerId,
    ReimbursementReason Reason,
    Guid? ReturnId,
    Guid? InspectionId,
    Guid? AdjustmentId,
    string Fnsku,
    int Units,
    decimal UnitPrice,
    decimal Amount,
    string Currency,
    DateTime CreatedAt
);
