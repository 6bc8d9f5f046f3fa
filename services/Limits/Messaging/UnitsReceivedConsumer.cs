using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Received units of a shipment become stock, so that much of the shipment's reservation stops counting as inbound.</summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, UsageRepository usage)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit) =>
        usage.ReceiveAsync(unit, context.Message.SellerId, context.Message.ShipmentId, context.Message.Fnsku, context.Message.Quantity);
}
