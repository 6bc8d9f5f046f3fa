using System.Net.Http.Headers;
using System.Text;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// Sends one attempt of a delivery: POST of the payload with the Standard Webhooks headers, signed with every secret that
/// signs now, within <see cref="NotificationsOptions.AttemptTimeout"/>. Only a 2xx answer delivers; redirects are not
/// followed (a redirect could lead to an address the guard never checked).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly NotificationsOptions _options;
    private readonly TimeProvider _time;

    public WebhookSender(ReceiverAddressGuard guard, NotificationsOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _client = new HttpClient(
            new SocketsHttpHandler
            {
                ConnectCallback = guard.ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectTimeout = options.AttemptTimeout,
            }
        )
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("InventoryPlatform-Webhooks", "1.0"));
    }

    public async Task<AttemptResult> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(
            "webhook-signature",
            WebhookSignature.Header(delivery.Secrets, delivery.MessageId, timestamp, delivery.Payload)
        );

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new AttemptResult(
                response.IsSuccessStatusCode,
                code,
                Elapsed(started),
                response.IsSuccessStatusCode ? null : $"HTTP {code}"
            );
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(false, null, Elapsed(started), $"No answer within {_options.AttemptTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            var refused = exception.InnerException as ReceiverRefusedException;
            return new AttemptResult(false, null, Elapsed(started), refused?.Message ?? exception.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, _time.GetElapsedTime(started).TotalMilliseconds);
}
