using System.ComponentModel.DataAnnotations;

namespace InventoryPlatform.Hosting.Jobs;

/// <summary>
/// How long a service keeps the platform tables' spent rows (section <c>Retention</c>), purged by
/// <see cref="PlatformRetentionJob"/>.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False: this replica never runs the purge.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the purge runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an outbox row is kept after it was sent (unsent and parked rows are never purged).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan SentOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a consumed message's id is remembered. A redelivery after this (an error queue moved back weeks later) is
    /// applied again, so it outlasts any redelivery operations would make.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an <c>Idempotency-Key</c> and its response are remembered: a repeat after this creates anew.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan IdempotencyKeys { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows one DELETE statement removes at most, each in its own short transaction.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;
}
