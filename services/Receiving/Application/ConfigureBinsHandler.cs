using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>Adds or reconfigures bins of an FC; the volume already stowed in a bin stays.</summary>
public sealed class ConfigureBinsHandler(Database database, PutawayRepository bins, TimeProvider time)
{
    public Task HandleAsync(string fulfillmentCenter, IReadOnlyList<BinSpace> configured, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => bins.UpsertBinsAsync(unit, fulfillmentCenter, configured, time.GetUtcNow().UtcDateTime),
            cancellationToken
        );
}
