using InventoryPlatform.Data;

namespace InventoryPlatform.Hosting.Jobs;

/// <summary>
/// The service's <c>scheduled_jobs</c> rows: one per job, holding when it is next due. A replica runs a due job only after
/// its conditional UPDATE moved <c>next_run_at</c> forward, which one statement decides atomically, so with any number of
/// replicas each due run happens once.
/// </summary>
public sealed class JobClaims(Database database)
{
    private readonly string _table = $"{database.Schema}.scheduled_jobs";

    /// <summary>Adds the job's row, first due at <paramref name="firstDue"/>, unless it is there already.</summary>
    public Task EnsureAsync(string job, DateTime firstDue, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    database.Dialect.InsertIfAbsent(_table, ["name"], ["name", "next_run_at"]),
                    new { Name = job, NextRunAt = firstDue }
                ),
            cancellationToken
        );

    /// <summary>True when this replica took the due run: the job is then next due at <paramref name="next"/>.</summary>
    public Task<bool> TryClaimAsync(string job, DateTime now, DateTime next, string owner, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
                await unit.ExecuteAsync(
                    $"UPDATE {_table} SET next_run_at = @Next, claimed_by = @Owner, claimed_at = @Now "
                        + "WHERE name = @Job AND next_run_at <= @Now",
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

    /// <summary>Makes the job due at once (an operator's "run now", or a test).</summary>
    public Task MakeDueAsync(string job, DateTime now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => unit.ExecuteAsync($"UPDATE {_table} SET next_run_at = @Now WHERE name = @Job", new { Job = job, Now = now }),
            cancellationToken
        );
}
