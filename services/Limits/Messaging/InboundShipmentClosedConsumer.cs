using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>A closed shipment's reservation ends (what arrived is stock now) and its receipt counts in the inbound KPIs.</summary>
public sealed class InboundShipmentClosedConsumer(Database database, Inbox inbox, UsageRepository usage, ActivityRepository activity)
    : InboxConsumer<InboundShipmentClosed>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InboundShipmentClosed> context, UnitOfWork unit)
    {
        var closed = context.Message;
        await usage.EndReservationAsync(unit, closed.SellerId, closed.ShipmentId, UsageRepository.Closed, closed.OccurredAt.UtcDateTime);
        await activity.RecordInboundClosedAsync(unit, closed);
    }
}
