using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.IntegrationTests;
using InventoryPlatform.Notifications.Api;
using InventoryPlatform.Notifications.Domain;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// Issue 25's target: from an event on the broker to a delivered, signed callback on a local receiver, at
/// <c>--rate</c> events/s (200) spread over 50 subscriptions of 50 sellers, one of which answers after 5 s and one always
/// 500. The events are LowStockDetected (only Notifications consumes them), 20 FNSKUs per seller. The receiver checks
/// every request's signature with its subscription's secret and the seller in the body against the subscription's seller.
/// Latency is measured from the publish (confirmed by the broker) to the callback's arrival, over the 48 healthy
/// subscriptions; lost = healthy events not delivered within 30 s after the last publish.
/// </summary>
public sealed class WebhookDeliveryBenchmark : IBenchmark
{
    private const int Subscriptions = 50;
    private const int FnskusPerSeller = 20;

    public string Name => "webhook-delivery";

    public string Description => "Event → signed webhook on a local receiver: 200 events/s over 50 subscriptions, one slow, one failing.";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        var rate = int.Parse(options.Values.GetValueOrDefault("rate", "200"), System.Globalization.CultureInfo.InvariantCulture);
        var run = Guid.NewGuid().ToString("N")[..6];
        var sellers = Enumerable.Range(0, Subscriptions).Select(i => $"wh{run}-{i:00}").ToList();
        var slow = sellers[0];
        var failing = sellers[1];
        await using var receiver = await Receiver.StartAsync(slow, failing);

        foreach (var seller in sellers)
        {
            using var client = platform.Client("notifications", seller);
            var response = await client.PostAsJsonAsync(
                "/api/notifications/v1/subscriptions",
                new CreateSubscriptionRequest(new Uri(receiver.Address, seller).ToString(), [WebhookEventTypes.StockLow], null, null),
                cancellationToken
            );
            response.EnsureSuccessStatusCode();
            var created = await response.ReadAsync<SubscriptionCreatedResponse>(cancellationToken);
            receiver.Secrets[seller] = created.Secret;
        }

        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            rabbit.Host(new Uri(Environment.GetEnvironmentVariable("INVENTORY_TEST_RABBITMQ")!))
        );
        await bus.StartAsync(cancellationToken);
        var published = new ConcurrentDictionary<Guid, (string Seller, long At)>();
        var random = new Random(25);
        var total = (int)(rate * options.Duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Publishing {total} events at {rate}/s over {Subscriptions} subscriptions...");
        var inFlight = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var seller = sellers[random.Next(sellers.Count)];
            var low = new LowStockDetected(
                Guid.NewGuid(),
                DateTimeOffset.UtcNow,
                seller,
                Guid.NewGuid(),
                $"X0WH{random.Next(FnskusPerSeller):00}",
                random.Next(0, 5),
                1.5
            );
            published[low.EventId] = (seller, Stopwatch.GetTimestamp());
            inFlight.Add(bus.Publish(low, cancellationToken));
            if (inFlight.Count >= 64)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        var healthy = published.Where(p => p.Value.Seller != slow && p.Value.Seller != failing).Select(p => p.Key).ToHashSet();
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(30) && healthy.Any(id => !receiver.Arrivals.ContainsKey(id)))
        {
            await Task.Delay(200, cancellationToken);
        }

        await bus.StopAsync(cancellationToken);
        var latencies = healthy
            .Where(receiver.Arrivals.ContainsKey)
            .Select(id => Stopwatch.GetElapsedTime(published[id].At, receiver.Arrivals[id]).TotalMilliseconds)
            .Order()
            .ToList();
        var lost = healthy.Count(id => !receiver.Arrivals.ContainsKey(id));
        var slowPublished = published.Count(p => p.Value.Seller == slow);
        var failingPublished = published.Count(p => p.Value.Seller == failing);

        Console.WriteLine();
        Console.WriteLine(
            $"Published {published.Count} events in {publishSeconds:0.0} s ({published.Count / publishSeconds:0} events/s), "
                + $"{healthy.Count} to the 48 healthy subscriptions."
        );
        Console.WriteLine(Stats.Row("events/s", "healthy events", "p50 ms", "p99 ms", "max ms", "lost", "wrong-seller", "bad signature"));
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(
            Stats.Row(
                rate,
                healthy.Count,
                Stats.Percentile(latencies, 50),
                Stats.Percentile(latencies, 99),
                latencies.Count > 0 ? latencies[^1] : double.NaN,
                lost,
                receiver.WrongSeller,
                receiver.BadSignature
            )
        );
        Console.WriteLine(
            $"Slow subscription (5 s answers): {receiver.Count(slow)} requests for {slowPublished} events by the end; "
                + $"failing subscription (500): {receiver.Count(failing)} attempts for {failingPublished} events."
        );
    }

    /// <summary>The partners' receiver: one path per seller, every request checked and timed on arrival.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private readonly string _slow;
        private readonly string _failing;
        private WebApplication _app = null!;
        private int _wrongSeller;
        private int _badSignature;

        private Receiver(string slow, string failing)
        {
            _slow = slow;
            _failing = failing;
        }

        public Uri Address { get; private set; } = null!;

        public ConcurrentDictionary<string, string> Secrets { get; } = new();

        public ConcurrentDictionary<Guid, long> Arrivals { get; } = new();

        public int WrongSeller => Volatile.Read(ref _wrongSeller);

        public int BadSignature => Volatile.Read(ref _badSignature);

        public int Count(string seller) => _counts.GetValueOrDefault(seller);

        public static async Task<Receiver> StartAsync(string slow, string failing)
        {
            var receiver = new Receiver(slow, failing);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            receiver._app = builder.Build();
            receiver._app.MapPost("/{seller}", receiver.ReceiveAsync);
            await receiver._app.StartAsync();
            var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            receiver.Address = new Uri(address.Addresses.First());
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task<IResult> ReceiveAsync(string seller, HttpContext context)
        {
            var arrived = Stopwatch.GetTimestamp();
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            _counts.AddOrUpdate(seller, 1, (_, n) => n + 1);
            var headers = context.Request.Headers;
            var signed =
                Secrets.TryGetValue(seller, out var secret)
                && long.TryParse(headers["webhook-timestamp"], out var timestamp)
                && WebhookSignature.Verify(
                    secret,
                    headers["webhook-id"].ToString(),
                    timestamp,
                    body,
                    headers["webhook-signature"].ToString()
                );
            if (!signed)
            {
                Interlocked.Increment(ref _badSignature);
            }

            using var document = JsonDocument.Parse(body);
            var data = document.RootElement.GetProperty("data");
            if (data.GetProperty("sellerId").GetString() != seller)
            {
                Interlocked.Increment(ref _wrongSeller);
            }

            if (seller == _failing)
            {
                return Results.StatusCode(500);
            }

            if (seller == _slow)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }

            Arrivals.TryAdd(data.GetProperty("eventId").GetGuid(), arrived);
            return Results.NoContent();
        }
    }
}
