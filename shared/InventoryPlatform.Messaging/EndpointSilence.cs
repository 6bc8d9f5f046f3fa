using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Since when each watched queue has had no consumer while the broker answered. A queue with a consumer again is
/// forgotten; an unanswered broker clears every silence (nothing can be judged then).
/// </summary>
public sealed class EndpointSilence(TimeSpan stallAfter)
{
    private readonly Dictionary<string, DateTimeOffset> _silentSince = new(StringComparer.Ordinal);

    /// <summary>Records the queue's consumer count; returns how long it has been silent when its endpoint is due for a restart.</summary>
    public TimeSpan? Observe(string queue, uint consumers, DateTimeOffset now)
    {
        if (consumers > 0)
        {
            _silentSince.Remove(queue);
            return null;
        }

        if (!_silentSince.TryGetValue(queue, out var since))
        {
            _silentSince[queue] = now;
            return null;
        }

        if (now - since < stallAfter)
        {
            return null;
        }

        // Counting starts again, so a restart that does not help is tried again after another stallAfter.
        _silentSince.Remove(queue);
        return now - since;
    }

    /// <summary>The broker could not be asked: every silence starts over.</summary>
    public void BrokerUnanswered() => _silentSince.Clear();
}
