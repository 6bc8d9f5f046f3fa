using System.Net.Http.Json;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// Reads another service's unit counts (<see cref="UnitCountsApi"/>) through the gateway, found by name (Aspire service
/// discovery), with the API key of Allocation's reconciler (<see cref="AllocationOptions.ReconciliationApiKey"/>), as any admin
/// client would. Allocation holds no key that signs caller identities: only the gateway does.
/// </summary>
public sealed class PeerUnitCounts(HttpClient http, AllocationOptions options)
{
    public async Task<UnitCounts> GetAsync(string service, string sellerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ReconciliationApiKey))
        {
            throw new HttpRequestException(
                $"{AllocationOptions.Section}:{nameof(AllocationOptions.ReconciliationApiKey)} is not configured: the gateway API key "
                    + "(admin scope) reconciliation reads the services' unit counts with."
            );
        }

        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            $"{options.ReconciliationGateway.TrimEnd('/')}/api/{service}/v1/admin/unit-counts?sellerId={Uri.EscapeDataString(sellerId)}"
        );
        request.Headers.Add("X-Api-Key", options.ReconciliationApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<UnitCounts>(JsonDefaults.Options, cancellationToken)
            ?? throw new InvalidOperationException($"{service} answered its unit counts with nothing.");
    }
}
