using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>How <see cref="ReceiveEndpointWatchdog"/> watches; an interval of zero turns it off.</summary>
public sealed class WatchdogOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a queue may have no consumer, while the broker answers, before its endpoint is restarted. Longer than
    /// MassTransit's longest wait between its own reconnect attempts (30 s), so the watchdog steps in where MassTransit
    /// will not rather than racing it.
    /// </summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How long the watchdog waits for a restart before it moves on to the other queues; the stop goes on in the background
    /// either way. Longer than MassTransit's 20 s wait for a broker reply, which a stop on a dead channel runs into.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a restart may stay unfinished before the service reports itself not alive, for the orchestrator to replace
    /// it. Generous, because a stop also waits for the messages in hand, whose retries can take most of a minute.
    /// </summary>
    public TimeSpan WedgedAfter { get; set; } = TimeSpan.FromMinutes(2);
}
