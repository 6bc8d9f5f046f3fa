using InventoryPlatform.Data;

namespace InventoryPlatform.Limits.Data;

/// <summary>
/// A lease row per scheduled job: a replica runs the job only after it has moved the row's next_run_at forward itself,
/// which one UPDATE decides atomically, so with any number of replicas each due run happens once.
/// </summary>
public sealed class JobSchedule(Database database)
{
    public Task<bool> TryClaimAsync(string job, DateTime now, DateTime next, string owner, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
                await unit.ExecuteAsync(
                    "UPDATE limits.schedules SET next_run_at = @Next, claimed_by = @Owner WHERE name = @Job AND next_run_at <= @Now",
                    new
                    {
                        Job = job,
                        Now = now,
                        Next = next,
                        Owner = owner,
                    }
                ) == 1,
            cancellationToken
        );
}
