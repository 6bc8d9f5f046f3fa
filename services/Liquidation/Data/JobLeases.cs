using InventoryPlatform.Data;

namespace InventoryPlatform.Liquidation.Data;

/// <summary>
/// Leases of scheduled jobs in the service's schema. A replica runs a job only when its conditional update takes a
/// lease that has expired, so with any number of replicas each run happens once.
/// </summary>
public sealed class JobLeases(Database database)
{
    public Task<bool> TryAcquireAsync(string job, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
                await unit.ExecuteAsync(
                    "UPDATE liquidation.job_leases SET holder = @Holder, lease_until = @Until WHERE name = @Name AND lease_until <= @Now",
                    new
                    {
                        Name = job,
                        Holder = holder,
                        Now = now.UtcDateTime,
                        Until = now.Add(lease).UtcDateTime,
                    }
                ) == 1,
            cancellationToken
        );
}
