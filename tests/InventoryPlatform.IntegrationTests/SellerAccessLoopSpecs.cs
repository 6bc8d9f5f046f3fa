using System.Net;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 23 point 6 through the gateway with every service running: one rule for whose data a request reads
/// (<see cref="SellerAccess"/>), so every service gives a partner that names another seller the same answer, 403, and lets an
/// admin through.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    /// <summary>A read of each service that an admin may point at another seller with ?sellerId=.</summary>
    private static readonly Dictionary<string, string> SellerReads = new()
    {
        ["receiving"] = "/api/receiving/v1/items",
        ["allocation"] = "/api/allocation/v1/rebalancing/policy",
        ["forecasting"] = "/api/forecasting/v1/forecasts",
        ["returns"] = "/api/returns/v1/returns",
        ["liquidation"] = "/api/liquidation/v1/recommendations",
        ["limits"] = "/api/limits/v1/limits",
    };

    [Test]
    public async Task Loop_Access_every_service_answers_a_partner_naming_another_seller_403_and_lets_an_admin_read_it()
    {
        var seller = $"access-{Guid.NewGuid():N}"[..20];
        var other = $"access-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        await PlatformApi.RegisterItemAsync(partner, "ACCESS-LAMP");
        // Limits knows a seller once its first item arrives; every other read answers an unknown seller with nothing.
        await Eventually.Until(
            async () => (await admin.GetAsync($"{SellerReads["limits"]}?sellerId={seller}")).StatusCode,
            status => status == HttpStatusCode.OK,
            Wait,
            "Limits knowing the seller"
        );

        var refused = new Dictionary<string, HttpStatusCode>();
        var bodies = new Dictionary<string, string?>();
        var malformed = new Dictionary<string, (HttpStatusCode, string)>();
        var own = new Dictionary<string, HttpStatusCode>();
        var asAdmin = new Dictionary<string, HttpStatusCode>();
        foreach (var (service, path) in SellerReads)
        {
            var response = await partner.GetAsync($"{path}?sellerId={other}");
            refused[service] = response.StatusCode;
            bodies[service] = (await response.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Detail;
            var bad = await partner.GetAsync($"{path}?sellerId=not%20a%20seller");
            malformed[service] = (bad.StatusCode, string.Join(",", (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys));
            own[service] = (await partner.GetAsync($"{path}?sellerId={seller}")).StatusCode;
            asAdmin[service] = (await admin.GetAsync($"{path}?sellerId={seller}")).StatusCode;
        }

        Assert.That(refused, Is.EqualTo(SellerReads.Keys.ToDictionary(s => s, _ => HttpStatusCode.Forbidden)));
        Assert.That(bodies.Values.Distinct(), Is.EqualTo(new[] { SellerAccess.AdminOnly }));
        Assert.That(malformed, Is.EqualTo(SellerReads.Keys.ToDictionary(s => s, _ => (HttpStatusCode.BadRequest, "sellerId"))));
        Assert.That(own, Is.EqualTo(SellerReads.Keys.ToDictionary(s => s, _ => HttpStatusCode.OK)), "naming oneself is no other seller");
        Assert.That(asAdmin, Is.EqualTo(SellerReads.Keys.ToDictionary(s => s, _ => HttpStatusCode.OK)));
    }
}
