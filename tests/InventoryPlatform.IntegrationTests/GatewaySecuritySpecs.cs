using System.Net;
using System.Net.Http.Json;
using System.Text;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Returns.Api;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.IntegrationTests;

/// <summary>The gateway as the front door: keys, scopes, tenant isolation, limits and hostile input.</summary>
public sealed partial class GatewayFlowSpecs
{
    [TestCase(null, TestName = "A request without an API key gets 401")]
    [TestCase("not-a-key", TestName = "A request with a wrong API key gets 401")]
    [TestCase("DEV-SELLER-1001-KEY", TestName = "Keys are compared exactly, so a key in other letter case is a wrong key")]
    public async Task Unauthenticated(string? apiKey)
    {
        using var client = Gateway(apiKey);

        var response = await client.GetAsync("/api/receiving/v1/items");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadAsync<ProblemDetails>();
        Assert.That(problem.Extensions.TryGetValue("traceId", out var traceId) ? traceId?.ToString() : null, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task A_key_without_the_write_scope_can_read_but_gets_403_on_writes()
    {
        using var reader = Gateway(ReaderKey);

        var read = await reader.GetAsync("/api/receiving/v1/items");
        var write = await reader.PostAsJsonAsync("/api/receiving/v1/items", new { sellerSku = "READER-1" });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_issued_key_works_until_it_is_revoked()
    {
        using var admin = Gateway(AdminKey);
        var issued = await admin.PostAsJsonAsync(
            "/api/gateway/v1/keys",
            new { sellerId = "seller-4004", scopes = new[] { "inventory:read" } }
        );
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var body = await issued.ReadAsync<IssuedKey>();
        using var partner = Gateway(body.Key);

        var before = await partner.GetAsync("/api/receiving/v1/items");
        var revoke = await admin.DeleteAsync($"/api/gateway/v1/keys/{body.Id}");
        var after = await partner.GetAsync("/api/receiving/v1/items");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var listed = await (await admin.GetAsync("/api/gateway/v1/keys")).Content.ReadAsStringAsync();
        Assert.That(listed, Does.Not.Contain(body.Key), "keys are never shown again");
    }

    [Test]
    public async Task Only_an_admin_key_can_issue_keys()
    {
        var response = await _gateway.PostAsJsonAsync("/api/gateway/v1/keys", new { sellerId = "seller-1001", scopes = new[] { "admin" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task One_seller_cannot_see_or_change_anything_of_another_sellers()
    {
        var fnsku = await PlatformApi.RegisterItemAsync(_gateway, "ISOLATED-1");
        var shipment = await PlatformApi.CreateShipmentAsync(_gateway, "SEA1", (fnsku, 4));
        await PlatformApi.ScanAsync(_gateway, shipment, fnsku, ["iso-unit-1", "iso-unit-0", "iso-unit-9", "iso-unit-8"]);
        await Eventually.Until(
            () => PlatformApi.StockAsync(_gateway, fnsku, "SEA1"),
            s => s.OnHand == 4,
            TimeSpan.FromSeconds(60),
            "stock of seller A"
        );
        var order = await _gateway.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = "US-West",
                lines = new[]
                {
                    new
                    {
                        fnsku,
                        quantity = 1,
                        unitPrice = new { amount = 9.99, currency = "USD" },
                    },
                },
            }
        );
        Assert.That(order.StatusCode, Is.EqualTo(HttpStatusCode.Created), await order.Content.ReadAsStringAsync());
        var orderId = (await order.ReadAsync<OrderResponse>()).Id;
        var transfer = await _gateway.PostAsJsonAsync(
            "/api/allocation/v1/transfers",
            new
            {
                fnsku,
                fromFulfillmentCenter = "SEA1",
                toFulfillmentCenter = "PHX3",
                quantity = 1,
            }
        );
        Assert.That(transfer.StatusCode, Is.EqualTo(HttpStatusCode.Created), await transfer.Content.ReadAsStringAsync());
        var transferId = (await transfer.ReadAsync<TransferResponse>()).Id;
        var returnId = await ShipAndReturnOneAsync(fnsku);
        using var other = Gateway(OtherSellerKey);

        (HttpMethod Method, string Path, object? Body)[] attempts =
        [
            (HttpMethod.Get, $"/api/receiving/v1/items/{fnsku}", null),
            (HttpMethod.Get, $"/api/receiving/v1/shipments/{shipment}", null),
            (HttpMethod.Get, "/api/receiving/v1/units/iso-unit-1", null),
            (
                HttpMethod.Post,
                $"/api/receiving/v1/shipments/{shipment}/scans",
                new
                {
                    unitId = "iso-unit-2",
                    fnsku,
                    condition = "sellable",
                }
            ),
            (
                HttpMethod.Post,
                $"/api/receiving/v1/shipments/{shipment}/scans/batch",
                new
                {
                    scans = new[]
                    {
                        new
                        {
                            unitId = "iso-unit-3",
                            fnsku,
                            condition = "sellable",
                        },
                    },
                }
            ),
            (HttpMethod.Get, $"/api/receiving/v1/shipments/{shipment}/report", null),
            (HttpMethod.Post, $"/api/receiving/v1/shipments/{shipment}/close", null),
            (HttpMethod.Post, $"/api/receiving/v1/shipments/{shipment}/cancel", null),
            (HttpMethod.Get, $"/api/allocation/v1/orders/{orderId}", null),
            (HttpMethod.Post, $"/api/allocation/v1/orders/{orderId}/cancel", new { reason = "not mine" }),
            (HttpMethod.Post, $"/api/allocation/v1/orders/{orderId}/shipments", new { fulfillmentCenter = "SEA1" }),
            (HttpMethod.Get, $"/api/allocation/v1/transfers/{transferId}", null),
            (HttpMethod.Post, $"/api/allocation/v1/transfers/{transferId}/receive", null),
            (HttpMethod.Get, $"/api/returns/v1/returns/{returnId}", null),
            (HttpMethod.Get, $"/api/returns/v1/returns/{returnId}/inspections", null),
            (
                HttpMethod.Post,
                $"/api/returns/v1/returns/{returnId}/inspections",
                new
                {
                    unitIds = new[] { "iso-return-1" },
                    grade = "sellable",
                    inspector = "mallory",
                }
            ),
            (
                HttpMethod.Post,
                "/api/returns/v1/receipts",
                new
                {
                    fulfillmentCenter = "SEA1",
                    returnId,
                    unitIds = new[] { "iso-return-2" },
                }
            ),
        ];
        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await other.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{method} {path}");
        }

        Assert.That(await PlatformApi.StockAsync(other, fnsku, "SEA1"), Is.EqualTo((0, 0)), "B sees no stock of A's");
        Assert.That((await (await other.GetAsync("/api/receiving/v1/items")).ReadAsync<Page<ItemResponse>>()).Items, Is.Empty);
        Assert.That(
            await PlatformApi.StockAsync(_gateway, fnsku, "SEA1"),
            Is.EqualTo((2, 0)),
            "A's stock unchanged by B's attempts (one unit left in transit)"
        );
        var stillMine = await (await _gateway.GetAsync($"/api/allocation/v1/orders/{orderId}")).ReadAsync<OrderResponse>();
        Assert.That(stillMine.Status, Is.EqualTo(OrderStatus.Allocated), "B could not cancel or ship A's order");

        using var admin = Gateway(AdminKey);
        admin.DefaultRequestHeaders.Add("X-Seller-Id", "seller-1001");
        Assert.That(
            (await admin.GetAsync($"/api/receiving/v1/items/{fnsku}")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK),
            "an admin may read across sellers"
        );
    }

    /// <summary>A second order of one unit, shipped, and a return authorized for it once Returns has heard of the shipment.</summary>
    private async Task<Guid> ShipAndReturnOneAsync(string fnsku)
    {
        var order = await _gateway.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = "US-West",
                lines = new[]
                {
                    new
                    {
                        fnsku,
                        quantity = 1,
                        unitPrice = new { amount = 9.99, currency = "USD" },
                    },
                },
            }
        );
        var orderId = (await order.ReadAsync<OrderResponse>()).Id;
        var shipped = await _gateway.PostAsJsonAsync($"/api/allocation/v1/orders/{orderId}/shipments", new { fulfillmentCenter = "SEA1" });
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
        var authorized = await Eventually.Until(
            () =>
                _gateway.PostAsJsonAsync(
                    "/api/returns/v1/returns",
                    new
                    {
                        orderId,
                        fnsku,
                        quantity = 1,
                        reason = "customerChangedMind",
                    }
                ),
            response => response.StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60),
            "a return authorized once Returns knows the shipment"
        );
        return (await authorized.ReadAsync<ReturnResponse>()).Id;
    }

    [Test]
    public async Task A_seller_header_sent_by_a_partner_is_ignored()
    {
        var fnsku = await PlatformApi.RegisterItemAsync(_gateway, "SPOOF-1");
        using var other = Gateway(OtherSellerKey);
        other.DefaultRequestHeaders.Add("X-Seller-Id", "seller-1001");
        other.DefaultRequestHeaders.Add("X-Platform-Identity", "v1.forged.token");

        var response = await other.GetAsync($"/api/receiving/v1/items/{fnsku}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("receiving", "/api/receiving/v1/items")]
    [TestCase("allocation", "/api/allocation/v1/stock")]
    public async Task A_service_called_directly_without_the_gateway_refuses_with_401(string service, string path)
    {
        using var direct = Direct(service);
        direct.DefaultRequestHeaders.Add("X-Seller-Id", "seller-1001");

        var response = await direct.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_rate_limit_of_a_key_answers_429_with_retry_after_and_recovers()
    {
        using var admin = Gateway(AdminKey);
        var issued = await (
            await admin.PostAsJsonAsync(
                "/api/gateway/v1/keys",
                new
                {
                    sellerId = "seller-5005",
                    scopes = new[] { "inventory:read" },
                    permitsPerSecond = 1,
                    burst = 2,
                }
            )
        ).ReadAsync<IssuedKey>();
        using var partner = Gateway(issued.Key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await partner.GetAsync("/api/receiving/v1/items");
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests), string.Join(",", statuses));
        Assert.That(limited!.Headers.RetryAfter, Is.Not.Null);
        Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.That((await partner.GetAsync("/api/receiving/v1/items")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Every_response_to_a_key_says_its_limit_what_remains_and_when_it_is_full_again()
    {
        using var admin = Gateway(AdminKey);
        var issued = await (
            await admin.PostAsJsonAsync(
                "/api/gateway/v1/keys",
                new
                {
                    sellerId = "seller-6006",
                    scopes = new[] { "inventory:read" },
                    permitsPerSecond = 1,
                    burst = 5,
                }
            )
        ).ReadAsync<IssuedKey>();
        using var partner = Gateway(issued.Key);

        var headers = new List<(string? Limit, int Remaining, int Reset)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await partner.GetAsync("/api/receiving/v1/items");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            headers.Add(
                (
                    Header(response, "RateLimit-Limit"),
                    int.Parse(Header(response, "RateLimit-Remaining")!),
                    int.Parse(Header(response, "RateLimit-Reset")!)
                )
            );
        }

        Assert.That(headers.Select(h => h.Limit), Is.All.EqualTo("5"));
        Assert.That(headers[0].Remaining, Is.EqualTo(4));
        // One request a second comes back, so at most one permit can have returned between the quick requests.
        Assert.That(headers[2].Remaining, Is.InRange(2, 3));
        Assert.That(headers.Select(h => h.Reset), Is.EqualTo(headers.Select(h => 5 - h.Remaining)), "seconds until the bucket is full");
    }

    [Test]
    public async Task Ten_thousand_random_keys_get_429s_from_one_address_and_leave_the_key_cache_bounded()
    {
        using var admin = Gateway(AdminKey);
        using var anonymous = Gateway(null);
        var before = await (await admin.GetAsync("/api/gateway/v1/keys/cache")).ReadAsync<KeyCache>();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, bool RetryAfter)>();
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, 10_000),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, cancellationToken) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/receiving/v1/items");
                request.Headers.Add("X-Api-Key", $"ipk_{Guid.NewGuid():N}_{Guid.NewGuid():N}");
                using var response = await anonymous.SendAsync(request, cancellationToken);
                statuses.Add((response.StatusCode, response.Headers.RetryAfter is not null));
            }
        );
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var after = await (await admin.GetAsync("/api/gateway/v1/keys/cache")).ReadAsync<KeyCache>();
        var refused = statuses.Count(s => s.Status == HttpStatusCode.TooManyRequests);
        var unauthorized = statuses.Count(s => s.Status == HttpStatusCode.Unauthorized);

        Assert.That(refused + unauthorized, Is.EqualTo(10_000), "every random key is refused, 401 or 429");
        // 20 at once and 5 a second per address (the gateway's defaults); the rest are 429 before any lookup.
        Assert.That(unauthorized, Is.InRange(20, 20 + (int)Math.Ceiling(5 * seconds) + 5), $"{seconds:0.0} s");
        Assert.That(statuses.Where(s => s.Status == HttpStatusCode.TooManyRequests).All(s => s.RetryAfter), "429s carry Retry-After");
        Assert.That(after.Entries - before.Entries, Is.InRange(0, unauthorized), "only keys looked up are cached");
        Assert.That(after.Entries, Is.LessThanOrEqualTo(after.Capacity));

        // Once the address has its budget back (20 at 5 a second), a key tried twice is looked up once: the unknown key is cached.
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        using var stranger = Gateway($"ipk_{Guid.NewGuid():N}");
        var first = await stranger.GetAsync("/api/receiving/v1/items");
        var once = await (await admin.GetAsync("/api/gateway/v1/keys/cache")).ReadAsync<KeyCache>();
        var second = await stranger.GetAsync("/api/receiving/v1/items");
        var twice = await (await admin.GetAsync("/api/gateway/v1/keys/cache")).ReadAsync<KeyCache>();
        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        Assert.That(once.Entries, Is.EqualTo(after.Entries + 1), "the unknown key was looked up and cached");
        Assert.That(twice.Entries, Is.EqualTo(once.Entries), "and not looked up again");
    }

    [Test]
    public async Task A_hundred_concurrent_requests_with_a_valid_key_not_yet_cached_are_all_served()
    {
        using var admin = Gateway(AdminKey);
        var issued = await (
            await admin.PostAsJsonAsync(
                "/api/gateway/v1/keys",
                new
                {
                    sellerId = "seller-7007",
                    scopes = new[] { "inventory:read" },
                    permitsPerSecond = 10_000,
                    burst = 10_000,
                }
            )
        ).ReadAsync<IssuedKey>();
        using var partner = Gateway(issued.Key);
        // The address's budget for requests without a valid key full again (20 at 5 a second) after other specs spent it.
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        // One lookup of the new key serves them all: none takes the address's budget of 20, so none gets a 429.
        var statuses = await Task.WhenAll(
            Enumerable.Range(0, 100).Select(async _ => (await partner.GetAsync("/api/receiving/v1/items")).StatusCode)
        );

        Assert.That(
            statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()),
            Is.EqualTo(new Dictionary<HttpStatusCode, int> { [HttpStatusCode.OK] = 100 })
        );
    }

    private sealed record KeyCache(int Entries, int Capacity);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    [Test]
    public async Task An_oversize_body_gets_413()
    {
        var body = new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "application/json");
        // A client of its own: the gateway drops the connection of a body it refused unread, and the shared client would
        // hand that connection to the next test.
        using var client = Gateway(SellerKey);

        var response = await client.PostAsync("/api/receiving/v1/items", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("/api/receiving/v1/items/'%20OR%201=1--")]
    [TestCase("/api/receiving/v1/items/X0AAAAAAAA;DROP%20TABLE%20receiving.items")]
    [TestCase("/api/receiving/v1/shipments/..%2F..%2Fetc%2Fpasswd")]
    [TestCase("/api/receiving/v1/units/%27%3B%20DELETE%20FROM%20receiving.units%3B--")]
    [TestCase("/api/allocation/v1/stock?fnsku=%27%20OR%20%271%27=%271")]
    [TestCase("/api/allocation/v1/stock?limit=-1")]
    [TestCase("/api/receiving/v1/items?cursor=%27%20OR%201=1")]
    public async Task Injection_attempts_are_harmless_and_answer_400_or_404(string path)
    {
        var response = await _gateway.GetAsync(path);

        Assert.That(
            response.StatusCode,
            Is.AnyOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            await response.Content.ReadAsStringAsync()
        );
        var items = await _gateway.GetAsync("/api/receiving/v1/items");
        Assert.That(items.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the items table is still there");
    }

    [Test]
    public async Task The_gateway_serves_one_API_reference_with_every_services_document()
    {
        var reference = await Gateway(null).GetAsync("/docs");
        var receiving = await Gateway(null).GetAsync("/openapi/receiving.json");

        Assert.That(reference.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(receiving.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await receiving.Content.ReadAsStringAsync();
        Assert.That(document, Does.Contain("RegisterItem").And.Contain("X-Api-Key"));
    }
}
