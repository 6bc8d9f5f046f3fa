namespace InventoryPlatform.Receiving.Domain;

/// <summary>Where each unit goes (null: no bin had room) and the bins as they are afterwards.</summary>
public sealed record PutawayPlan(IReadOnlyList<(string UnitId, string? BinId)> Assignments, IReadOnlyList<BinSpace> Bins);
