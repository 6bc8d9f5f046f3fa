using System.Net.Http.Json;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// Reads another service's unit counts (<see cref="UnitCountsApi"/>) over HTTP, by the service's name (Aspire service discovery,
/// as the gateway reaches the services). The request carries an identity token Allocation signs itself with the platform's
/// identity key, as the gateway does for partners: Allocation acting as an admin, never a partner's identity.
/// </summary>
public sealed class PeerUnitCounts(HttpClient http, IdentityTokens tokens)
{
    private static readonly CallerIdentity Reconciler = new(AllocationService.Descriptor.Name, [PlatformScopes.Admin]);

    public async Task<UnitCounts> GetAsync(string service, string sellerId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            $"http://{service}/api/{service}/v1/admin/unit-counts?sellerId={Uri.EscapeDataString(sellerId)}"
        );
        request.Headers.Add(IdentityTokens.Header, tokens.Issue(Reconciler));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<UnitCounts>(JsonDefaults.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{service} answered its unit counts with nothing.");
    }
}
