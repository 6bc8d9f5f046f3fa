using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Api;

public sealed record InspectionRequest(
    IReadOnlyList<string?>? UnitIds,
    ReturnGrade? Grade,
    bool? OpenedPackaging,
    string? Category,
    string? Note,
    string? Inspector
);
