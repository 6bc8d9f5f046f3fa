using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Data;

public sealed record ReimbursementRecord(
    Guid Id,
    string SellerId,
    Guid ReturnId,
    Guid InspectionId,
    string Fnsku,
    ReturnGrade Grade,
    int Units,
    decimal UnitPrice,
    decimal Amount,
    string Currency,
    DateTime CreatedAt
);
