using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using InventoryPlatform.Data;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The Kubernetes migration Job starts each service's image with <c>--migrate-only</c>: the schema is brought up
/// to date, the process exits 0 (non-zero when migrating fails), and nothing else starts (no web server, no bus).
/// Allocation is the service run here because its bus, were it started, would declare a durable queue.
/// </summary>
public sealed class MigrateOnlySpecs
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    [Test]
    public async Task A_service_started_with_migrate_only_migrates_its_schema_and_exits_0_without_starting_its_bus()
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "migrateonly");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("migrateonly");

        var (exitCode, output) = await RunAllocationAsync(database, messaging, ["--migrate-only"], []);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(await TablesAsync(database, "allocation"), Does.Contain("outbox").And.Contain("inbox").And.Contain("schema_versions"));
        Assert.That(await QueuesAsync(messaging), Is.Empty, "the bus must not start in migrate-only mode");
    }

    [Test]
    public async Task Database_MigrateOnly_true_in_the_environment_does_the_same_as_the_argument()
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "migrateonly");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("migrateonly");

        var (exitCode, output) = await RunAllocationAsync(database, messaging, [], new() { ["Database__MigrateOnly"] = "true" });

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(await TablesAsync(database, "allocation"), Does.Contain("outbox"));
        Assert.That(await QueuesAsync(messaging), Is.Empty);
    }

    [Test]
    public async Task A_migrate_only_run_that_cannot_migrate_exits_non_zero()
    {
        var missing = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdmin)
        {
            Database = $"missing_{Guid.NewGuid():N}",
        }.ConnectionString;
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("migrateonly");

        var (exitCode, output) = await RunAllocationAsync(
            missing,
            messaging,
            ["--migrate-only"],
            new() { ["Database__CreateDatabaseIfMissing"] = "false" }
        );

        Assert.That(exitCode, Is.Not.Zero, output);
    }

    [Test]
    public async Task A_service_with_migrations_at_startup_off_serves_without_touching_its_schema()
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "nomigrate");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("nomigrate");
        await using var host = new ServiceHost<AllocationMarker>(DatabaseProvider.Postgres, database, messaging);
        await using var withoutMigrations = host.WithWebHostBuilder(web => web.UseSetting("Database:RunMigrationsAtStartup", "false"));

        using var client = withoutMigrations.CreateClient();
        var alive = await client.GetAsync("/alive");

        Assert.That(alive.IsSuccessStatusCode, Is.True);
        Assert.That(await TablesAsync(database, "allocation"), Is.Empty);
    }

    private static async Task<(int ExitCode, string Output)> RunAllocationAsync(
        string database,
        string messaging,
        string[] arguments,
        Dictionary<string, string> environment
    )
    {
        var assembly = typeof(AllocationMarker).Assembly.Location;
        // An empty working directory: the content root then holds no other service's appsettings.json.
        var workingDirectory = Directory.CreateTempSubdirectory("migrate-only-").FullName;
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__inventory"] = database;
        start.Environment["ConnectionStrings__messaging"] = messaging;
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_HTTP_PORTS"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The process was still running after {ProcessTimeout.TotalSeconds} s: {await stdout}{await stderr}");
        }

        return (process.ExitCode, $"{await stdout}{await stderr}");
    }

    private static async Task<List<string>> TablesAsync(string database, string schema)
    {
        await using var connection = new NpgsqlConnection(database);
        return (
            await connection.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema",
                new { schema }
            )
        ).ToList();
    }

    private static async Task<List<string>> QueuesAsync(string amqpUri)
    {
        var management = TestInfrastructure.RabbitManagement;
        using var http = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo)))
        );
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        using var document = JsonDocument.Parse(await http.GetStringAsync($"api/queues/{vhost}"));
        return document.RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).ToList();
    }
}
