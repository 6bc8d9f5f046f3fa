using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Application;
using InventoryPlatform.Receiving.Data;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>
/// Shipped units become sales velocity per FNSKU and FC, which putaway ranks fast movers by, and free the bins they were
/// picked from.
/// </summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, PutawayRepository putaway, BinRelease bins)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        var day = DateOnly.FromDateTime(shipped.OccurredAt.UtcDateTime);
        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var units = line.Sum(l => l.Quantity);
            await putaway.AddSaleAsync(unit, line.Key, shipped.FulfillmentCenter, day, units);
            await bins.FreeAsync(unit, shipped.SellerId, line.Key, shipped.FulfillmentCenter, units);
        }
    }
}
