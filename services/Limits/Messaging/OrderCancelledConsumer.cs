using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>A cancelled order counts against the order defect rate.</summary>
public sealed class OrderCancelledConsumer(Database database, Inbox inbox, ActivityRepository activity)
    : InboxConsumer<OrderCancelled>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<OrderCancelled> context, UnitOfWork unit) =>
        activity.RecordCancellationAsync(unit, context.Message);
}
