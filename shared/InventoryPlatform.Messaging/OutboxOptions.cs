namespace InventoryPlatform.Messaging;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the dispatcher looks for rows when nothing woke it (other replicas' rows, a crash).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failed publishes of one row after which it is parked: left aside, with its last error, until an admin re-drives it.
    /// Only failures of the row itself count (its type or body unreadable, the broker refusing it while it takes others),
    /// never a broker that is away.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;
}
