using System.ComponentModel.DataAnnotations;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications;

/// <summary>Notifications' settings (section <c>Notifications</c>): how webhooks are sent, retried and where they may go.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// Lets a subscription name a loopback receiver (http://127.0.0.1:…, localhost) for local development. Ignored in
    /// Production, where receivers must be HTTPS on public addresses.
    /// </summary>
    public bool AllowLoopbackReceivers { get; set; }

    /// <summary>How often a replica looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan DeliveryPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Due deliveries one poll claims at most.</summary>
    [Range(1, 10_000)]
    public int ClaimBatchSize { get; set; } = 500;

    /// <summary>Deliveries in flight to one subscription at most, so that a slow receiver holds only its own slots.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerSubscription { get; set; } = 4;

    /// <summary>Deliveries in flight on one replica at most.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentDeliveries { get; set; } = 512;

    /// <summary>How long one attempt may take (connect, send, answer).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a replica holds a claimed delivery; longer than an attempt, so only a dead replica's claims lapse.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The wait after the first failed attempt (before jitter); it doubles per attempt up to <see cref="MaxRetryDelay"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery is retried before it fails and its subscription is disabled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the previous secret still signs after a rotation when the request names no overlap.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DefaultRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    public RetryPolicy Retry => new(FirstRetryDelay, MaxRetryDelay, GiveUpAfter);
}
