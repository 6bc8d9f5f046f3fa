namespace InventoryPlatform.Limits.Domain;

/// <summary>A returned unit graded defective: it counts against the order defect rate.</summary>
public sealed record DefectiveReturnRecord(Guid ReturnId, DateOnly Day);
