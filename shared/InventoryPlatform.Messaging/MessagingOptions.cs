namespace InventoryPlatform.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Name of the AMQP connection string (<c>ConnectionStrings__messaging</c>, an <c>amqp://</c> URI).</summary>
    public string ConnectionStringName { get; set; } = "messaging";

    /// <summary>Immediate retries of a failing message, in order (default 100 ms, 500 ms, 1 s).</summary>
    /// <remarks>Empty means the default: configuration binding appends to arrays, so defaults are applied after binding.</remarks>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>
    /// Second-level retries after the immediate ones, for faults that outlast a second such as a database
    /// restart (default 5 s, 15 s, 30 s). Still failing afterwards, the message goes to the endpoint's <c>_error</c> queue.
    /// </summary>
    public TimeSpan[] RedeliveryIntervals { get; set; } = [];

    internal TimeSpan[] RetrySchedule =>
        [
            .. RetryIntervals.Length > 0
                ? RetryIntervals
                : [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)],
            .. RedeliveryIntervals.Length > 0
                ? RedeliveryIntervals
                : [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)],
        ];

    /// <summary>Use RabbitMQ quorum queues (replicated; for clusters).</summary>
    public bool QuorumQueues { get; set; }

    public int PrefetchCount { get; set; } = 32;

    /// <summary>
    /// The AMQP heartbeat asked of the broker (default 10 s; RabbitMQ.Client's own is 60 s). RabbitMQ.Client 7.2.2 can
    /// miss a broker-closed connection while a publish is stuck in its write queue (rabbitmq-dotnet-client #1930, fixed
    /// after 7.2.2); then only missed heartbeats end the connection, after three intervals, and MassTransit's receive
    /// endpoints stay on it until they do.
    /// </summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    public OutboxOptions Outbox { get; set; } = new();

    public InboxBatchOptions Batching { get; set; } = new();

    public WatchdogOptions Watchdog { get; set; } = new();
}
