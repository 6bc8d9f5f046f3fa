namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The seller went over its capacity limits: stored volume exceeds the limit of at least one storage type, and overage fees
/// are charged from today. Published once when the seller goes over (not on every recompute while it stays over).
/// </summary>
public sealed record StorageLimitExceeded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    IReadOnlyList<StorageOverage> Overages
) : IIntegrationEvent;
