using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Hosting.Network;

/// <summary>
/// Keeps the service's <see cref="NetworkDirectory"/> up to date from Allocation's snapshots, once per message (inbox).
/// Each service derives its own sealed consumer from this one in its <c>Messaging/</c> folder, so the assembly scan gives it
/// a queue of its own.
/// </summary>
public abstract class NetworkDirectoryConsumer(Database database, Inbox inbox, NetworkDirectory directory)
    : InboxConsumer<FulfillmentNetworkChanged>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<FulfillmentNetworkChanged> context, UnitOfWork unit) =>
        directory.ApplyAsync(unit, context.Message);
}
