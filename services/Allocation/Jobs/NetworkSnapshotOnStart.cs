using System.Data.Common;
using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Jobs;

/// <summary>
/// At start-up (after the schema is migrated), publishes the network's snapshot if it differs from the last one published,
/// so services copy a network that was seeded or edited while the broker or they were away. A schema not migrated yet (a
/// deployment whose migration job has not run) is no reason to refuse to start: the next network edit publishes then.
/// </summary>
public sealed class NetworkSnapshotOnStart(Database database, ChangeNetworkHandler network, ILogger<NetworkSnapshotOnStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.InTransactionAsync(
                unit => network.PublishIfChangedAsync(unit, ChangeNetworkHandler.PlatformSellerId, Guid.CreateVersion7()),
                cancellationToken
            );
        }
        catch (DbException exception)
        {
            logger.LogWarning(exception, "The FC network snapshot was not checked at start-up; the next network edit publishes it.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
