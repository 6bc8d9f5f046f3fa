using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The one PostgreSQL and one RabbitMQ that scripts/test.sh started for the whole run. Each fixture gets
/// its own database and its own virtual host, so fixtures never see each other's data or messages.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresAdmin => Required("INVENTORY_TEST_POSTGRES");

    public static Uri RabbitMq => new(Required("INVENTORY_TEST_RABBITMQ"));

    public static Uri RabbitManagement => new(Required("INVENTORY_TEST_RABBITMQ_MANAGEMENT"));

    public static string? SqlServer => Environment.GetEnvironmentVariable("SQLSERVER_CONNECTION_STRING");

    /// <summary>Creates an empty database for a fixture and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(DatabaseProvider provider, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (provider == DatabaseProvider.Postgres)
        {
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
        }

        if (SqlServer is null)
        {
            Assert.Ignore(
                "SQLSERVER_CONNECTION_STRING is not set: the SQL Server run of this fixture is skipped (only PostgreSQL runs on this "
                    + "machine)."
            );
        }

        await using (
            var master = new SqlConnection(new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = "master" }.ConnectionString)
        )
        {
            await master.OpenAsync();
            await using var create = new SqlCommand($"CREATE DATABASE [{name}]", master);
            await create.ExecuteNonQueryAsync();
        }

        return new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>Creates a virtual host for a fixture and returns the AMQP URI that points at it.</summary>
    public static async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var vhost = $"{prefix}-{Guid.NewGuid():N}";
        using var http = Management();
        (await http.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (
            await http.PutAsJsonAsync(
                $"api/permissions/{vhost}/guest",
                new
                {
                    configure = ".*",
                    write = ".*",
                    read = ".*",
                }
            )
        ).EnsureSuccessStatusCode();
        return new UriBuilder(RabbitMq) { Path = "/" + vhost }.Uri.ToString();
    }

    /// <summary>Messages waiting in a queue of a virtual host (0 when the queue does not exist).</summary>
    public static async Task<int> QueueDepthAsync(string amqpUri, string queue)
    {
        using var document = await QueueDocumentAsync(amqpUri, queue);
        // The management API refreshes counts every few seconds; "messages" may lag the queue by that much.
        return document is not null && document.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    /// <summary>
    /// How many deliveries of a queue its consumers have acknowledged so far (the management API's <c>message_stats.ack</c>,
    /// refreshed every few seconds): a redelivered duplicate counts here even when the inbox, rightly, records nothing new.
    /// </summary>
    public static async Task<long> QueueAcksAsync(string amqpUri, string queue)
    {
        using var document = await QueueDocumentAsync(amqpUri, queue);
        return
            document is not null
            && document.RootElement.TryGetProperty("message_stats", out var stats)
            && stats.TryGetProperty("ack", out var ack)
            ? ack.GetInt64()
            : 0;
    }

    /// <summary>A queue as the management API describes it; null when the queue does not exist.</summary>
    private static async Task<JsonDocument?> QueueDocumentAsync(string amqpUri, string queue)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var response = await http.GetAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// <see cref="QueueAcksAsync"/> once it holds still over more than one statistics refresh (5 s): a baseline that no
    /// earlier delivery can still raise, so that a later increase is the test's own messages.
    /// </summary>
    public static async Task<long> SettledQueueAcksAsync(string amqpUri, string queue)
    {
        var last = await QueueAcksAsync(amqpUri, queue);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            var now = await QueueAcksAsync(amqpUri, queue);
            if (now == last)
            {
                return now;
            }

            last = now;
        }

        throw new InvalidOperationException($"{queue}'s acknowledgements kept rising for a minute; no baseline.");
    }

    /// <summary>One value read straight from a fixture's database (for checking what a service stored).</summary>
    public static async Task<T> ScalarAsync<T>(DatabaseProvider provider, string database, string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync(provider, database);
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters)
            ?? throw new InvalidOperationException("No value.");
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        DatabaseProvider provider,
        string database,
        string sql,
        object? parameters = null
    )
    {
        await using var connection = await OpenAsync(provider, database);
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)).ToList();
    }

    private static async Task<System.Data.Common.DbConnection> OpenAsync(DatabaseProvider provider, string database)
    {
        System.Data.Common.DbConnection connection =
            provider == DatabaseProvider.Postgres
                ? new Npgsql.NpgsqlConnection(database)
                : new Microsoft.Data.SqlClient.SqlConnection(database);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Every error queue of a virtual host (MassTransit's "&lt;queue&gt;_error") with the messages in it.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> ErrorQueuesAsync(string amqpUri) =>
        (await QueuesAsync(amqpUri)).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).ToDictionary(q => q.Key, q => q.Value);

    /// <summary>Every queue of a virtual host with the messages in it (ready and unacknowledged; refreshed every few seconds).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> QueuesAsync(string amqpUri)
    {
        using var document = await VirtualHostApiAsync(amqpUri, "queues", "?columns=name,messages");
        return document
            .RootElement.EnumerateArray()
            .ToDictionary(q => q.GetProperty("name").GetString()!, q => q.TryGetProperty("messages", out var m) ? m.GetInt32() : 0);
    }

    /// <summary>
    /// Every queue of a virtual host as the management API last saw it: messages ready and unacknowledged, and consumers.
    /// For failure reports: a queue with messages and no consumer is an endpoint that did not come back.
    /// </summary>
    public static async Task<IReadOnlyList<string>> QueueStatesAsync(string amqpUri)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var response = await http.GetAsync($"api/queues/{vhost}?columns=name,messages_ready,messages_unacknowledged,consumers");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        static int Count(JsonElement queue, string name) =>
            queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        return document
            .RootElement.EnumerateArray()
            .Select(q =>
                $"{q.GetProperty("name").GetString()}: ready {Count(q, "messages_ready")}, unacked "
                + $"{Count(q, "messages_unacknowledged")}, consumers {Count(q, "consumers")}"
            )
            .ToList();
    }

    /// <summary>The heartbeat (seconds) each AMQP connection of a virtual host negotiated, by the name the client gave it.</summary>
    public static async Task<IReadOnlyList<(string Name, int Heartbeat)>> ConnectionHeartbeatsAsync(string amqpUri)
    {
        using var http = Management();
        var vhost = new Uri(amqpUri).AbsolutePath.TrimStart('/');
        var response = await http.GetAsync("api/connections?columns=vhost,client_properties.connection_name,timeout");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document
            .RootElement.EnumerateArray()
            .Where(c => c.GetProperty("vhost").GetString() == Uri.UnescapeDataString(vhost))
            .Select(c =>
                (
                    c.TryGetProperty("client_properties", out var client) && client.TryGetProperty("connection_name", out var name)
                        ? name.GetString() ?? ""
                        : "",
                    c.GetProperty("timeout").GetInt32()
                )
            )
            .ToList();
    }

    /// <summary>The prefetch count of each consumer of these queues, once every one of them has a consumer.</summary>
    public static Task<ILookup<string, int>> ConsumerPrefetchesAsync(string amqpUri, params string[] queues) =>
        Eventually.Until(
            async () =>
            {
                using var document = await VirtualHostApiAsync(amqpUri, "consumers");
                return document
                    .RootElement.EnumerateArray()
                    .ToLookup(
                        c => c.GetProperty("queue").GetProperty("name").GetString()!,
                        c => c.GetProperty("prefetch_count").GetInt32()
                    );
            },
            consumers => queues.All(consumers.Contains),
            TimeSpan.FromSeconds(15),
            $"consumers of {string.Join(", ", queues)} in the management API"
        );

    /// <summary>
    /// Waits until every queue of the services' consumers has a consumer: published events reach only queues that exist. The
    /// queues come from the consumers the services register (<see cref="ConsumerQueues"/>), never from a list kept here.
    /// </summary>
    public static async Task UntilConsumingAsync(string amqpUri, params PlatformService[] services)
    {
        foreach (var queue in services.SelectMany(s => ConsumerQueues.Of(s.Name, s.Assembly)))
        {
            await Eventually.Until(
                () => QueueHasConsumerAsync(amqpUri, queue),
                ready => ready,
                TimeSpan.FromSeconds(30),
                $"a consumer on {queue}"
            );
        }
    }

    /// <summary>True once a queue exists and at least one consumer listens on it.</summary>
    public static async Task<bool> QueueHasConsumerAsync(string amqpUri, string queue)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var response = await http.GetAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}");
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("consumers", out var consumers) && consumers.GetInt32() > 0;
    }

    public static async Task<bool> QueueExistsAsync(string amqpUri, string queue)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var response = await http.GetAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}");
        return response.IsSuccessStatusCode;
    }

    /// <summary>Stops the broker's AMQP listener (the node stays up) until <see cref="StartBrokerAsync"/>.</summary>
    public static Task StopBrokerAsync() => RunInfraScript("broker-stop");

    public static Task StartBrokerAsync() => RunInfraScript("broker-start");

    /// <summary>Shuts PostgreSQL down (every connection drops) until <see cref="StartDatabaseAsync"/>; the data stays.</summary>
    public static Task StopDatabaseAsync() => RunInfraScript("db-stop");

    public static Task StartDatabaseAsync() => RunInfraScript("db-start");

    private static async Task RunInfraScript(string command)
    {
        using var process = Process.Start(
            new ProcessStartInfo("bash", [Required("INVENTORY_TEST_INFRA_SCRIPT"), command])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        var output = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"test-infra.sh {command} failed: {await output}");
    }

    /// <summary>A management API listing of the virtual host of <paramref name="amqpUri"/> (<c>api/{resource}/{vhost}</c>).</summary>
    private static async Task<JsonDocument> VirtualHostApiAsync(string amqpUri, string resource, string query = "")
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var response = await http.GetAsync($"api/{resource}/{vhost}{query}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static HttpClient Management()
    {
        var uri = RabbitManagement;
        var http = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "" }.Uri };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo)));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException(
            $"{variable} is not set. Integration tests run against the PostgreSQL and RabbitMQ that ./scripts/test.sh starts; run them "
                + "through it."
        );
}
