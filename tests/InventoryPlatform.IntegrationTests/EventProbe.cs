using System.Collections.Concurrent;
using MassTransit;

namespace InventoryPlatform.IntegrationTests;

public static class EventProbe
{
    public static Task<EventProbe<T>> StartAsync<T>(string messaging)
        where T : class => EventProbe<T>.CreateAsync(messaging);
}

/// <summary>
/// A bus of the test's own on the fixture's virtual host, with a queue that receives every <typeparamref name="T"/>
/// published there, so a spec can see what a service put on the bus.
/// </summary>
public sealed class EventProbe<T> : IAsyncDisposable
    where T : class
{
    private readonly ConcurrentQueue<T> _received = new();
    private IBusControl? _bus;

    public IReadOnlyCollection<T> Received => _received;

    internal static async Task<EventProbe<T>> CreateAsync(string messaging)
    {
        var probe = new EventProbe<T>();
        probe._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(messaging));
            rabbit.ReceiveEndpoint($"test-probe-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<T>(context =>
                {
                    probe._received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await probe._bus.StartAsync();
        return probe;
    }

    public Task<T> WaitForAsync(Func<T, bool> match, string what) =>
        Eventually.Until(() => Task.FromResult(_received.FirstOrDefault(match)), m => m is not null, TimeSpan.FromSeconds(30), what)!;

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }
}
