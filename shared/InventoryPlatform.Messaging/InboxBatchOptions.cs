namespace InventoryPlatform.Messaging;

/// <summary>Group commit of the consumers that batch (<see cref="InboxBatcher{THandler,TMessage}"/>).</summary>
public sealed class InboxBatchOptions
{
    /// <summary>At most this many messages share one transaction (the endpoint's prefetch also bounds how many are in flight).</summary>
    public int MaxMessages { get; set; } = 50;

    /// <summary>
    /// Batches of one consumer running at once in one process. One: the messages that arrive meanwhile wait for the next
    /// batch and share its transaction; with two, two smaller batches ran side by side and locked the same rows, and the
    /// allocation benchmark's consumers cost 30–40 % more CPU per order (docs/benchmarks.md).
    /// </summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>
    /// Deliveries a batching consumer's endpoint holds at once (the others hold <see cref="MessagingOptions.PrefetchCount"/>).
    /// With 128 against 32 the consumers spent less CPU per message in the allocation benchmark (docs/benchmarks.md).
    /// </summary>
    public int PrefetchCount { get; set; } = 128;
}
