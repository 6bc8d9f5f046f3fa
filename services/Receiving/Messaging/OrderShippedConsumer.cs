using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>Shipped units become sales velocity per FNSKU and FC, which putaway ranks fast movers by.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, PutawayRepository putaway)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        var day = DateOnly.FromDateTime(shipped.OccurredAt.UtcDateTime);
        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal))
        {
            await putaway.AddSaleAsync(unit, line.Key, shipped.FulfillmentCenter, day, line.Sum(l => l.Quantity));
        }
    }
}
