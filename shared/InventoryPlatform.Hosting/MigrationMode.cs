using System.Reflection;
using InventoryPlatform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

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
