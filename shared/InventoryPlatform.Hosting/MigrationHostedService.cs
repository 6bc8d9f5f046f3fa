using System.Reflection;
using InventoryPlatform.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Migrates the service's schema before anything else starts (it is registered first), waiting for
/// a database that is still starting up rather than failing the process.
/// </summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    DatabaseOptions options,
    PlatformService service,
    ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(service.Assembly, service.Schema, options.CreateDatabaseIfMissing, cancellationToken);
                logger.LogInformation("Schema {Schema} is up to date.", service.Schema);
                return;
            }
            catch (Exception exception) when (attempt < 30 && SqlRetry.IsTransient(exception))
            {
                logger.LogWarning("Database not reachable yet ({Message}); attempt {Attempt}.", exception.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Who a service is: its name (queue prefix, API prefix), its schema, and the assembly holding its migrations.</summary>
public sealed record PlatformService(string Name, string Schema, Assembly Assembly)
{
    public string ApiPrefix => $"/api/{Name}/v1";
}
