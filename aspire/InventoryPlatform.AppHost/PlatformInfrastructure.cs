using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace InventoryPlatform.AppHost;

/// <summary>
/// Where the database and the broker come from, chosen by <c>Infrastructure:Mode</c>:
/// <list type="bullet">
/// <item><c>Local</c> (default): PostgreSQL 15 and RabbitMQ from their Debian packages as local processes, no Docker needed.</item>
/// <item><c>Containers</c>: RabbitMQ and SQL Server containers, where a Docker engine runs.</item>
/// <item><c>External</c>: connection strings given in configuration (<c>ConnectionStrings:inventory</c>,
/// <c>ConnectionStrings:messaging</c>),
/// as the integration tests do with the servers the test script started.</item>
/// </list>
/// </summary>
public static class PlatformInfrastructure
{
    public const string DatabaseName = "inventory";
    public const string MessagingName = "messaging";

    public static (
        IResourceBuilder<IResourceWithConnectionString> Database,
        IResourceBuilder<IResourceWithConnectionString> Messaging
    ) AddPlatformInfrastructure(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Infrastructure:Mode"] switch
        {
            null or "" or "Local" => AddLocalProcesses(builder),
            "Containers" => AddContainers(builder),
            "External" => (builder.AddConnectionString(DatabaseName), builder.AddConnectionString(MessagingName)),
            var other => throw new InvalidOperationException($"Infrastructure:Mode '{other}' is not one of Local, Containers, External."),
        };

    /// <summary>
    /// The key pair the gateway signs caller identities with (its private half, for the gateway only) and the JWKS of its public
    /// half that the services check them with: from <c>Identity:KeyId</c> and <c>Identity:PrivateKey</c> (PKCS#8, PEM or base64
    /// DER) when given, otherwise a fresh P-256 pair for this run.
    /// </summary>
    public static (string KeyId, string PrivateKey, string Jwks) IdentityKeys(this IDistributedApplicationBuilder builder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = builder.Configuration["Identity:KeyId"] ?? $"dev-{DateTime.UtcNow:yyyyMMddHHmmss}";
        if (builder.Configuration["Identity:PrivateKey"] is { Length: > 0 } given)
        {
            if (given.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(given);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(given), out _);
            }
        }

        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var jwks = JsonSerializer.Serialize(
            new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "EC",
                        crv = "P-256",
                        x = Base64Url.EncodeToString(point.X),
                        y = Base64Url.EncodeToString(point.Y),
                        kid = keyId,
                        alg = "ES256",
                        use = "sig",
                    },
                },
            }
        );
        return (keyId, Convert.ToBase64String(key.ExportPkcs8PrivateKey()), jwks);
    }

    /// <summary>Tells the services which engine the connection string is for.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDatabaseProvider(
        this IResourceBuilder<ProjectResource> service,
        IDistributedApplicationBuilder builder
    ) =>
        builder.Configuration["Infrastructure:Mode"] == "Containers"
            ? service.WithEnvironment("Database__Provider", "SqlServer")
            : service.WithEnvironment("Database__Provider", builder.Configuration["Database:Provider"] ?? "Postgres");

    /// <summary>
    /// With <c>Telemetry:Export=false</c> (benchmarks and tests, which run no dashboard) a service gets no OTLP endpoint:
    /// otherwise it would batch, send and retry every span, log and metric to a port nobody listens on, once a second,
    /// and that CPU would be counted against the requests being measured. Traces are still created in process.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformTelemetry(
        this IResourceBuilder<ProjectResource> service,
        IDistributedApplicationBuilder builder
    ) =>
        builder.Configuration["Telemetry:Export"] == "false"
            ? service.WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"))
            : service;

    /// <summary>
    /// Runs a service's business clock ahead (or behind) when <c>Platform:Clock:OffsetDays:&lt;service&gt;</c> is given, e.g.
    /// <c>Platform:Clock:OffsetDays:liquidation=200</c> for a demo or test in which stock received today is aged. The
    /// service refuses the setting in Production.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformClock(
        this IResourceBuilder<ProjectResource> service,
        IDistributedApplicationBuilder builder
    ) =>
        builder.Configuration[$"Platform:Clock:OffsetDays:{service.Resource.Name}"] is { Length: > 0 } days
            ? service.WithEnvironment("Platform__Clock__OffsetDays", days)
            : service;

    private static (IResourceBuilder<IResourceWithConnectionString>, IResourceBuilder<IResourceWithConnectionString>) AddLocalProcesses(
        IDistributedApplicationBuilder builder
    )
    {
        var ports = builder.Configuration.GetSection("Infrastructure:Ports");
        var postgresPort = ports.GetValue("Postgres", 55432);
        var amqpPort = ports.GetValue("Amqp", 55672);
        var managementPort = ports.GetValue("RabbitManagement", 55673);
        var distributionPort = ports.GetValue("RabbitDistribution", 55680);
        var epmdPort = ports.GetValue("Epmd", 54369);

        var scripts = Path.Combine(builder.AppHostDirectory, "infra");
        var data = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", ".local", "dev"));

        builder
            .Services.AddHealthChecks()
            .AddAsyncCheck("postgres-ready", token =>
                PostgresAnswers($"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database={DatabaseName};Timeout=3", token)
            )
            .AddAsyncCheck("rabbitmq-ready", token => PortAccepts(amqpPort, token));

        var postgres = builder
            .AddExecutable(
                "postgres",
                "bash",
                scripts,
                "postgres.sh",
                Path.Combine(data, "postgres"),
                postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
            )
            .WithHealthCheck("postgres-ready");

        // epmd is its own resource so that no Erlang port mapper daemon outlives the app.
        var epmd = builder.AddExecutable(
            "epmd",
            "bash",
            scripts,
            "epmd.sh",
            epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        var rabbit = builder
            .AddExecutable(
                "rabbitmq",
                "bash",
                scripts,
                "rabbitmq.sh",
                Path.Combine(data, "rabbitmq"),
                amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
            )
            .WaitFor(epmd)
            .WithHealthCheck("rabbitmq-ready");

        var database = builder.AddConnectionString(
            DatabaseName,
            ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={postgresPort.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={DatabaseName}"
            )
        );
        var messaging = builder.AddConnectionString(
            MessagingName,
            ReferenceExpression.Create(
                $"amqp://guest:guest@127.0.0.1:{amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/"
            )
        );
        return (database.WaitFor(postgres), messaging.WaitFor(rabbit));
    }

    private static (IResourceBuilder<IResourceWithConnectionString>, IResourceBuilder<IResourceWithConnectionString>) AddContainers(
        IDistributedApplicationBuilder builder
    )
    {
        var messaging = builder.AddRabbitMQ(MessagingName).WithManagementPlugin();
        var password = builder.AddParameter("sqlserver-password", secret: true);
        var sqlServer = builder
            .AddContainer("sqlserver", "mcr.microsoft.com/mssql/server", "2022-latest")
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("MSSQL_SA_PASSWORD", password)
            .WithEndpoint(targetPort: 1433, name: "tcp", scheme: "tcp");
        var endpoint = sqlServer.GetEndpoint("tcp");
        var database = builder.AddConnectionString(
            DatabaseName,
            ReferenceExpression.Create(
                $"Server={endpoint.Property(EndpointProperty.Host)},{endpoint.Property(EndpointProperty.Port)};User "
                    + $"ID=sa;Password={password};Database={DatabaseName};TrustServerCertificate=true"
            )
        );
        return (database.WaitFor(sqlServer), messaging);
    }

    private static async Task<HealthCheckResult> PostgresAnswers(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }

    private static async Task<HealthCheckResult> PortAccepts(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
