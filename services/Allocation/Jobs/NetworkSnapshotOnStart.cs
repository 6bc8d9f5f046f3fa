using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Jobs;

/// <summary>
/// At start-up (after the schema is migrated), publishes the network's snapshot if it differs from the last one published,
/// so services copy a network that was seeded or edited while the broker or they were away.
/// </summary>
public sealed class NetworkSnapshotOnStart(Database database, ChangeNetworkHandler network) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => network.PublishIfChangedAsync(unit, ChangeNetworkHandler.PlatformSellerId, Guid.CreateVersion7()),
            cancellationToken
        );

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
