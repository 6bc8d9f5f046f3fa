using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Part of liveness (<c>/alive</c>, and so of <c>/health</c>): unhealthy while an endpoint restart has hung for
/// <see cref="WatchdogOptions.WedgedAfter"/>. It judges this process's own restarts, never the broker's consumer count,
/// which includes the other replicas'.
/// </summary>
public sealed class ReceiveEndpointLiveness(EndpointRestarts restarts) : IHealthCheck
{
    public const string Name = "receive-endpoints";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            restarts.Wedged() is { Count: > 0 } wedged
                ? HealthCheckResult.Unhealthy(
                    $"Receive endpoint restarts hung since: {string.Join(", ", wedged.Select(w => $"{w.Queue} ({w.Since:O})"))}; only a "
                        + $"new process recovers them."
                )
                : HealthCheckResult.Healthy()
        );
}
