using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// A durable queue of the test's own bound to the exchange MassTransit publishes a message type to. Unlike a
/// test bus's endpoint it survives a broker restart and needs no reconnecting consumer: messages wait in it, and the spec
/// takes them one by one with their AMQP properties and headers, as published.
/// </summary>
public sealed class BoundQueue(string messaging, string queue)
{
    public string Name => queue;

    /// <summary>Declares a queue bound to <typeparamref name="T"/>'s exchange ("namespace:name", fanout, durable).</summary>
    public static async Task<BoundQueue> DeclareAsync<T>(string messaging)
    {
        var exchange = $"{typeof(T).Namespace}:{typeof(T).Name}";
        var queue = $"test-bound-{typeof(T).Name}-{Guid.NewGuid():N}";
        await using var connection = await Factory(messaging).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
        return new BoundQueue(messaging, queue);
    }

    /// <summary>The next message, or null when the queue is empty (or the broker is away).</summary>
    public async Task<PublishedMessage?> TakeAsync()
    {
        try
        {
            await using var connection = await Factory(messaging).CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var result = await channel.BasicGetAsync(queue, autoAck: true);
            if (result is null)
            {
                return null;
            }

            var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                h => h.Key,
                h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? ""
            );
            using var envelope = JsonDocument.Parse(result.Body);
            return new PublishedMessage(
                Guid.Parse(result.BasicProperties.MessageId!),
                headers,
                envelope.RootElement.GetProperty("message").GetRawText()
            );
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            return null;
        }
    }

    /// <summary>Waits for the next message, through a broker outage.</summary>
    public async Task<PublishedMessage> WaitAsync(TimeSpan timeout, string what) =>
        (await Eventually.Until(TakeAsync, m => m is not null, timeout, what))!;

    private static ConnectionFactory Factory(string messaging) => new() { Uri = new Uri(messaging) };
}

/// <summary>A message as it lay in a <see cref="BoundQueue"/>: its MessageId, headers and the MassTransit envelope's message.</summary>
public sealed record PublishedMessage(Guid MessageId, IReadOnlyDictionary<string, string> Headers, string Message);
