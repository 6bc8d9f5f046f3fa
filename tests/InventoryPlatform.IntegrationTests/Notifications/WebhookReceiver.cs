using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// A partner's webhook receiver in the test process: Kestrel on a free loopback port, recording every request per path, and
/// answering each path as the spec tells it (a status after a delay, per attempt).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> _received = new();
    private readonly ConcurrentDictionary<string, Func<ReceivedWebhook, int, (int Status, TimeSpan Delay)>> _answers = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = receiver._app = builder.Build();
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return receiver;
    }

    /// <summary>
    /// The receiver URL of <paramref name="path"/>, answered by <paramref name="answer"/> given the attempt of the webhook
    /// (1-based, counted per <c>webhook-id</c>).
    /// </summary>
    public string Url(string path, Func<int, (int Status, TimeSpan Delay)>? answer = null) =>
        Url(path, (_, attempt) => answer?.Invoke(attempt) ?? (200, TimeSpan.Zero));

    /// <summary>As the other overload, with the request given to the answer too.</summary>
    public string Url(string path, Func<ReceivedWebhook, int, (int Status, TimeSpan Delay)> answer)
    {
        _answers[path] = answer;
        return new Uri(BaseAddress, path).ToString();
    }

    public IReadOnlyList<ReceivedWebhook> Received(string path) => _received.TryGetValue(path, out var queue) ? [.. queue] : [];

    public Task<IReadOnlyList<ReceivedWebhook>> UntilReceivedAsync(string path, int count, TimeSpan timeout) =>
        Eventually.Until(() => Task.FromResult(Received(path)), r => r.Count >= count, timeout, $"{count} webhooks at {path}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var at = DateTime.UtcNow;
        var path = context.Request.Path.Value!.TrimStart('/');
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var queue = _received.GetOrAdd(path, _ => new ConcurrentQueue<ReceivedWebhook>());
        var headers = new HeaderDictionary();
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            headers[name] = context.Request.Headers[name];
        }

        var webhook = new ReceivedWebhook(path, headers, body, at);
        queue.Enqueue(webhook);
        var attempt = queue.Count(r => r.Id == webhook.Id);
        var (status, delay) = _answers.TryGetValue(path, out var answer) ? answer(webhook, attempt) : (200, TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, CancellationToken.None);
        }

        context.Response.StatusCode = status;
    }
}
