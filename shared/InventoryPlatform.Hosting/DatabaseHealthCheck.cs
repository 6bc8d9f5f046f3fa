using Dapper;
using InventoryPlatform.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Readiness: ready while the service's database answers, and only that. A broker that is away does not make a service
/// unready: its writes go to the outbox and are published when the broker returns.
/// </summary>
internal sealed class DatabaseHealthCheck(DbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
