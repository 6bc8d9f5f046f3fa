using MassTransit;

namespace InventoryPlatform.Contracts;

/// <summary>
/// What every integration event carries. Excluded from the broker topology so that
/// publishing an event does not also fan out to an exchange for this interface.
/// </summary>
[ExcludeFromTopology]
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    string SellerId { get; }

    Guid CorrelationId { get; }
}
