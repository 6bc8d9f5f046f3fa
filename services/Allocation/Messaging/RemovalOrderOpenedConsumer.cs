using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>A removal order holds its sellable units (pending removal): orders can no longer take them.</summary>
public sealed class RemovalOrderOpenedConsumer(Database database, Inbox inbox, RemovalHolds holds)
    : InboxConsumer<RemovalOrderOpened>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<RemovalOrderOpened> context, UnitOfWork unit) =>
        holds.OpenAsync(unit, context.Message);
}
