using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Returns.Domain;

/// <summary>What the inspector found for a set of units of one return.</summary>
public sealed record InspectionFinding(ReturnGrade Grade, bool OpenedPackaging, string? Category);
