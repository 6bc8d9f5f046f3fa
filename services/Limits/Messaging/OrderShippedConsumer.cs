using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Shipped units feed sell-through, turnover, fulfillment speed and the sales that limits are derived from.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, ActivityRepository activity, SellerAccounts accounts)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        await accounts.EnsureAsync(unit, context.Message.SellerId, context.Message.CorrelationId);
        await activity.RecordShipmentAsync(unit, context.Message);
    }
}
