using InventoryPlatform.Contracts;

namespace InventoryPlatform.IntegrationTests;

/// <summary>An integration event only the outbox specs write, so that nothing of a service consumes it.</summary>
public sealed record OutboxProbed(Guid EventId, DateTimeOffset OccurredAt, string SellerId, Guid CorrelationId, int Number)
    : IIntegrationEvent;
