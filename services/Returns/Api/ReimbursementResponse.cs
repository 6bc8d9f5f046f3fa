using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Api;

public sealed record ReimbursementResponse(
    Guid Id,
    Guid ReturnId,
    Guid InspectionId,
    string Fnsku,
    ReturnGrade Grade,
    int Units,
    Money UnitPrice,
    Money Amount,
    DateTime CreatedAt
);
