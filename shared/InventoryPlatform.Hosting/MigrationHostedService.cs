using System.Reflection;
using InventoryPlatform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Migrates the service's schema before anything else starts (it is registered first), waiting for
/// a database that is still starting up rather than failing the process. In migrate-only mode it is the
/// only hosted service and stops the application once the schema is up to date.
/// </summary>
internal sealed class MigrationHostedService(
    DatabaseMigrator migrator,
    DatabaseOptions options,
    PlatformService service,
    MigrationMode mode,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationHostedService> logger
) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(service.Assembly, service.Schema, options.CreateDatabaseIfMissing, cancellationToken);
                logger.LogInformation("Schema {Schema} is up to date.", service.Schema);
                if (mode.MigrateOnly)
                {
                    lifetime.StopApplication();
                }

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
