namespace InventoryPlatform.Limits.Domain;

public sealed record CancellationRecord(Guid OrderId, DateOnly Day);
