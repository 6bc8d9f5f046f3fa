namespace InventoryPlatform.Messaging;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the dispatcher looks for rows when nothing woke it (other replicas' rows, a crash).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
