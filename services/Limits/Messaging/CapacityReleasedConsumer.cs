using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>A cancelled (or never stored) shipment gives its reserved capacity back.</summary>
public sealed class CapacityReleasedConsumer(Database database, Inbox inbox, UsageRepository usage)
    : InboxConsumer<CapacityReleased>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<CapacityReleased> context, UnitOfWork unit)
        => usage.EndReservationAsync(unit, context.Message.SellerId, context.Message.ShipmentId, UsageRepository.Released, context.Message.OccurredAt.UtcDateTime);
}
