using System.Net.Sockets;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Sends a GET once more when its connection was reset before an answer came. Aspire's test host puts its DCP proxy in front
/// of every resource, and under load that proxy now and then resets a pooled connection (microsoft/aspire#4651, #5637,
/// #9484); the HttpClientFactory shares one connection pool between the clients it makes, so even a new client can be handed
/// such a connection. Only a GET is repeated: anything else may have taken effect before the reset, and a spec must see that.
/// </summary>
internal sealed class ResetGetRetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (request.Method == HttpMethod.Get && IsReset(exception))
        {
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static bool IsReset(Exception exception) =>
        exception.InnerException is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } };
}
