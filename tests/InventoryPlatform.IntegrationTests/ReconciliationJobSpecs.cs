using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Jobs;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Limits;
using InventoryPlatform.Primitives;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using LimitsMarker = InventoryPlatform.Limits.Messaging.ReserveCapacityConsumer;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22: the scheduled <c>stock-reconciliation</c> job, run by the scheduler when made due, in a test process that hosts
/// Allocation and Limits (the projection it compares) on a fresh database and virtual host, so its metric and log are
/// observed in-process: a projection skewed behind the platform's back is logged and counted.
/// </summary>
[NonParallelizable]
public sealed class ReconciliationJobSpecs
{
    [Test]
    public async Task Loop_Gaps_the_scheduled_reconciliation_logs_and_counts_a_projection_drifted_behind_the_platforms_back()
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "recjob");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("recjob");
        await using var limits = new ServiceHost<LimitsMarker>(DatabaseProvider.Postgres, database, messaging);
        var log = new CapturedLog();
        await using var allocation = new ServiceHost<AllocationMarker>(DatabaseProvider.Postgres, database, messaging, builder =>
        {
            builder.ConfigureLogging(logging => logging.AddProvider(log));
            builder.ConfigureTestServices(services =>
            {
                // Limits is the one projection hosted here; its unit counts are read from its in-process server, reached as
                // the gateway forwards the reconciler's key: as an admin identity.
                services.PostConfigure<AllocationOptions>(options =>
                {
                    options.ReconciledServices = ["limits"];
                    options.ReconciliationApiKey = ReconcilerKey;
                });
                services
                    .AddHttpClient<PeerUnitCounts>()
                    .ConfigurePrimaryHttpMessageHandler(() => new GatewayStandIn { InnerHandler = limits.Server.CreateHandler() });
            });
        });
        limits.CreateClient().Dispose();
        allocation.CreateClient().Dispose();
        await TestInfrastructure.UntilConsumingAsync(messaging, LimitsService.Descriptor, AllocationService.Descriptor);
        var seller = $"recjob-{Guid.NewGuid():N}"[..20];
        const string fnsku = "X0RECJOB01";
        using var admin = allocation.ClientFor("operations", PlatformScopes.Admin);
        // Seven units found by a count: the ledger holds them, and Limits follows through StockChanged.
        var counted = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = 7,
            }
        );
        Assert.That(counted.StatusCode, Is.EqualTo(HttpStatusCode.Created), await counted.Content.ReadAsStringAsync());
        await Eventually.Until(
            () =>
                TestInfrastructure.ScalarAsync<int>(
                    DatabaseProvider.Postgres,
                    database,
                    "SELECT COALESCE(MAX(on_hand), -1) FROM limits.stock WHERE seller_id = @Seller AND fnsku = @Fnsku",
                    new { Seller = seller, Fnsku = fnsku }
                ),
            onHand => onHand == 7,
            TimeSpan.FromSeconds(30),
            "Limits counting the 7 units"
        );
        var scheduler = allocation.Services.GetRequiredService<JobScheduler<ReconciliationJob>>();
        var claims = allocation.Services.GetRequiredService<JobClaims>();
        using var drifts = new MeasuredCounter(ReconciliationJob.Meter.Name, "inventory.reconciliation.drifts");
        using var unreachable = new MeasuredCounter(ReconciliationJob.Meter.Name, "inventory.reconciliation.unreachable");

        // The job's first round is an interval away; made due, the next poll runs it. In step, a round finds nothing.
        Assert.That(await scheduler.RunIfDueAsync(CancellationToken.None), Is.False, "not due yet");
        await claims.MakeDueAsync(scheduler.Name, DateTime.UtcNow, CancellationToken.None);
        Assert.That(await scheduler.RunIfDueAsync(CancellationToken.None), Is.True, "the job made due runs");
        Assert.That(drifts.Measurements, Is.Empty);
        Assert.That(log.Warnings.Where(w => w.StartsWith("Stock drift", StringComparison.Ordinal)), Is.Empty);

        // Behind the platform's back: Limits counts 5 more on hand than the ledger.
        var skewed = await TestInfrastructure.ScalarAsync<int>(
            DatabaseProvider.Postgres,
            database,
            "WITH changed AS (UPDATE limits.stock SET on_hand = on_hand + 5 WHERE seller_id = @Seller AND fnsku = @Fnsku RETURNING 1) "
                + "SELECT CAST(COUNT(*) AS integer) FROM changed",
            new { Seller = seller, Fnsku = fnsku }
        );
        Assert.That(skewed, Is.EqualTo(1));
        await claims.MakeDueAsync(scheduler.Name, DateTime.UtcNow, CancellationToken.None);
        Assert.That(await scheduler.RunIfDueAsync(CancellationToken.None), Is.True, "the job made due runs again");

        Assert.That(
            drifts.Measurements,
            Is.EqualTo(new[] { (1L, "limits", StockPositions.OnHand) }),
            "one drift, counted with its service and position"
        );
        Assert.That(unreachable.Measurements, Is.Empty);
        Assert.That(
            log.Warnings.Where(w => w.StartsWith("Stock drift", StringComparison.Ordinal)),
            Is.EqualTo(
                new[]
                {
                    $"Stock drift: limits counts 12 {StockPositions.OnHand} of {fnsku} at SEA1 for seller {seller}; the ledger holds 7.",
                }
            )
        );
        Assert.That(log.Information, Does.Contain("Reconciliation found 1 drifts."));
    }

    private const string ReconcilerKey = "reconciler-test-key";

    /// <summary>What the gateway does for the reconciler's API key: swaps it for an admin caller identity.</summary>
    private sealed class GatewayStandIn : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.That(request.Headers.GetValues("X-Api-Key"), Is.EqualTo(new[] { ReconcilerKey }));
            request.Headers.Remove("X-Api-Key");
            request.Headers.Add(IdentityTokens.Header, TestIdentity.Tokens.Issue(new CallerIdentity("reconciler", [PlatformScopes.Admin])));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The measurements of one counter, with its service and position tags, while it lives.</summary>
    private sealed class MeasuredCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(long Value, string? Service, string? Position)> _measurements = new();

        public MeasuredCounter(string meter, string instrument)
        {
            _listener.InstrumentPublished = (published, listener) =>
            {
                if (published.Meter.Name == meter && published.Name == instrument)
                {
                    listener.EnableMeasurementEvents(published);
                }
            };
            _listener.SetMeasurementEventCallback<long>(
                (_, value, tags, _) =>
                {
                    string? service = null;
                    string? position = null;
                    foreach (var tag in tags)
                    {
                        service = tag.Key == "service" ? tag.Value?.ToString() : service;
                        position = tag.Key == "position" ? tag.Value?.ToString() : position;
                    }

                    _measurements.Enqueue((value, service, position));
                }
            );
            _listener.Start();
        }

        public IReadOnlyList<(long Value, string? Service, string? Position)> Measurements => [.. _measurements];

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The job's log lines, formatted, by level.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

        public IReadOnlyList<string> Warnings => [.. _lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message)];

        public IReadOnlyList<string> Information => [.. _lines.Where(l => l.Level == LogLevel.Information).Select(l => l.Message)];

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(ReconciliationJob).FullName
                ? new Logger(_lines)
                : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Message)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            ) => lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
