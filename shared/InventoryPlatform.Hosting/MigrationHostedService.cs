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

/// <summary>
/// When a service migrates its schema: at start-up (<c>Database:RunMigrationsAtStartup</c>, default true), or only
/// that and then exit (<c>--migrate-only</c> or <c>Database:MigrateOnly=true</c>: the Kubernetes migration Job).
/// </summary>
public sealed record MigrationMode(bool RunAtStartup, bool MigrateOnly)
{
    public const string MigrateOnlyArgument = "--migrate-only";
    public const string RunAtStartupKey = $"{DatabaseOptions.Section}:RunMigrationsAtStartup";
    public const string MigrateOnlyKey = $"{DatabaseOptions.Section}:MigrateOnly";

    public static MigrationMode From(IConfiguration configuration, IEnumerable<string> commandLine) =>
        new(
            configuration.GetValue(RunAtStartupKey, true),
            configuration.GetValue(MigrateOnlyKey, false) || commandLine.Contains(MigrateOnlyArgument, StringComparer.Ordinal)
        );

    internal void Register(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(this);
        if (MigrateOnly)
        {
            // The bus, the outbox dispatcher, the web server and every other hosted service are left out,
            // whenever they were registered: the process migrates, stops, and exits 0 (non-zero when migrating fails).
            builder.ConfigureContainer(new MigrateOnlyServiceProviderFactory(builder.Environment.IsDevelopment()));
        }
        else if (RunAtStartup)
        {
            builder.Services.AddHostedService<MigrationHostedService>();
        }
    }

    private sealed class MigrateOnlyServiceProviderFactory(bool validate) : IServiceProviderFactory<IServiceCollection>
    {
        private readonly DefaultServiceProviderFactory _inner = new(
            new ServiceProviderOptions { ValidateScopes = validate, ValidateOnBuild = validate }
        );

        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            services.RemoveAll<IHostedService>();
            services.AddHostedService<MigrationHostedService>();
            return _inner.CreateBuilder(services);
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            _inner.CreateServiceProvider(containerBuilder);
    }
}

/// <summary>Who a service is: its name (queue prefix, API prefix), its schema, and the assembly holding its migrations.</summary>
public sealed record PlatformService(string Name, string Schema, Assembly Assembly)
{
    public string ApiPrefix => $"/api/{Name}/v1";
}
