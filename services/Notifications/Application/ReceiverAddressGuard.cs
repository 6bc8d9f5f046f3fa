using System.Net;
using System.Net.Sockets;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// Where a webhook may connect (SSRF): the receiver's host is resolved and every address it resolves to must pass
/// <see cref="ReceiverAddressRule"/>. Checked when a subscription is created and again at every delivery, where the
/// connection is made only to an address that was just checked (<see cref="ConnectAsync"/>), so a DNS answer that changes
/// between the check and the connect (rebinding) cannot reach an internal address.
/// </summary>
public sealed class ReceiverAddressGuard(NotificationsOptions options, IHostEnvironment environment)
{
    /// <summary>Loopback receivers (and plain http to them) only where allowed, and never in Production.</summary>
    public bool AllowsLoopback { get; } = options.AllowLoopbackReceivers && !environment.IsProduction();

    /// <summary>Null when every address of the URL's host may be called; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        var (_, refusal) = await ResolveAsync(url.IdnHost, cancellationToken);
        return refusal;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook client: connects to a checked address only.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (addresses, refusal) = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (refusal is not null)
        {
            throw new ReceiverRefusedException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<(IPAddress[] Addresses, string? Refusal)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                return ([], $"The host '{host}' does not resolve.");
            }
        }

        if (addresses.Length == 0)
        {
            return ([], $"The host '{host}' does not resolve.");
        }

        foreach (var address in addresses)
        {
            if (ReceiverAddressRule.Refusal(address.GetAddressBytes(), AllowsLoopback) is { } reason)
            {
                return ([], $"The host '{host}' resolves to {address}, which is {reason}: webhooks go to public addresses only.");
            }
        }

        return (addresses, null);
    }
}
