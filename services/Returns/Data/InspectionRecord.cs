using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

public sealed record InspectionRecord(
    Guid Id,
    string SellerId,
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
    DateTime InspectedAt
);
