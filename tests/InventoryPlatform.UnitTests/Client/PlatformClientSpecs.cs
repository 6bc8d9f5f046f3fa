using System.Net;
using System.Text;
using InventoryPlatform.Client;
using InventoryPlatform.Client.Models;

namespace InventoryPlatform.UnitTests.Client;

/// <summary>
/// What the client puts on the wire and how it reads answers, against a recording handler standing in for the gateway:
/// the API key, idempotency keys on creates only, paging by cursor and by changedSince, ProblemDetails as an exception, and
/// the generated models in the platform's JSON (camelCase names, enums as camelCase strings).
/// </summary>
public sealed class PlatformClientSpecs
{
    private static readonly CreateShipmentRequest Plan = new("SEA1", [new ShipmentLineRequest("X00000000A", 10, null)]);

    [Test]
    public async Task Every_call_carries_the_API_key_and_only_creates_carry_an_idempotency_key()
    {
        var gateway = new RecordingGateway(_ =>
            Json(
                HttpStatusCode.Created,
                """
                {"id":"6f1c5d1e-1111-4e55-9a55-2d0c1b7e0001","fulfillmentCenter":"SEA1","status":"inTransit",
                 "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z","shippedAt":null,"closedAt":null,
                 "cancelledAt":null,"lines":[{"fnsku":"X00000000A","expectedUnits":10,"casePack":null,"receivedSellable":0,
                 "receivedDamaged":0}]}
                """
            )
        );
        var client = Client(gateway);

        var created = await client.Receiving.CreateShipmentAsync(Plan);
        await client.Receiving.CreateShipmentAsync(Plan);
        await client.Receiving.CreateShipmentAsync(Plan, idempotencyKey: "asn-42");
        await client.Receiving.GetShipmentAsync(created.Id);

        Assert.That(
            (created.Id, created.FulfillmentCenter, created.Status, created.Lines.Single().ExpectedUnits),
            Is.EqualTo((Guid.Parse("6f1c5d1e-1111-4e55-9a55-2d0c1b7e0001"), "SEA1", ShipmentStatus.InTransit, 10))
        );
        Assert.That(gateway.Requests.Select(r => r.ApiKey), Is.All.EqualTo("key-1"));
        Assert.That(
            gateway.Requests.Select(r => (r.Method, r.Path)),
            Is.EqualTo(
                new[]
                {
                    ("POST", "/api/receiving/v1/shipments"),
                    ("POST", "/api/receiving/v1/shipments"),
                    ("POST", "/api/receiving/v1/shipments"),
                    ("GET", $"/api/receiving/v1/shipments/{created.Id}"),
                }
            )
        );
        var keys = gateway.Requests.Select(r => r.IdempotencyKey).ToList();
        Assert.That(keys[0], Is.Not.Null.And.Length.EqualTo(32), "generated when none is given");
        Assert.That(keys[1], Is.Not.Null.And.Not.EqualTo(keys[0]), "a new create, a new key");
        Assert.That(keys[2], Is.EqualTo("asn-42"), "the caller's own key");
        Assert.That(keys[3], Is.Null, "a read carries none");
        Assert.That(
            gateway.Requests[0].Body,
            Is.EqualTo("""{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"X00000000A","expectedUnits":10}]}"""),
            "camelCase, nulls left out"
        );
    }

    [Test]
    public async Task Enums_go_and_come_as_the_platforms_camelCase_strings()
    {
        var gateway = new RecordingGateway(_ =>
            Json(
                HttpStatusCode.OK,
                """
                {"fnsku":"X00000000A","sellerSku":"MUG-1","title":"Mug","storageType":"oversize",
                 "dimensions":{"lengthCm":1,"widthCm":1,"heightCm":1,"weightKg":1},"listPrice":{"amount":9.5,"currency":"EUR"}}
                """
            )
        );

        var item = await Client(gateway)
            .Receiving.RegisterItemAsync(new RegisterItemRequest("MUG-1", "Mug", StorageType.Oversize, null, null));

        Assert.That(gateway.Requests[0].Body, Does.Contain(""""storageType":"oversize""""));
        Assert.That((item.StorageType, item.ListPrice.Amount), Is.EqualTo((StorageType.Oversize, 9.5m)));
        Assert.That(
            System.Text.Json.JsonSerializer.Serialize(ShipmentStatus.InTransit),
            Is.EqualTo("\"inTransit\""),
            "the wire name under any serializer options (a webhook payload read with the partner's own)"
        );
    }

    [Test]
    public async Task A_list_is_read_page_after_page_following_the_cursor()
    {
        var gateway = new RecordingGateway(request =>
            request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
                ? Json(HttpStatusCode.OK, """{"items":[{"fnsku":"X3","onHand":3}],"nextCursor":null}""")
                : Json(HttpStatusCode.OK, """{"items":[{"fnsku":"X1","onHand":1},{"fnsku":"X2","onHand":2}],"nextCursor":"c2"}""")
        );

        var all = await Client(gateway).Allocation.ListStockAsync(sellerSku: "MUG 1", pageSize: 2).ToListAsync();

        Assert.That(all.Select(b => (b.Fnsku, b.OnHand)), Is.EqualTo(new[] { ("X1", 1), ("X2", 2), ("X3", 3) }));
        Assert.That(
            gateway.Requests.Select(r => r.PathAndQuery),
            Is.EqualTo(
                new[]
                {
                    "/api/allocation/v1/stock?sellerSku=MUG%201&limit=2",
                    "/api/allocation/v1/stock?sellerSku=MUG%201&limit=2&cursor=c2",
                }
            )
        );
    }

    [Test]
    public async Task An_incremental_sync_reads_batches_until_caught_up_and_hands_out_the_cursor_to_keep()
    {
        var gateway = new RecordingGateway(request =>
            request.RequestUri!.Query.Contains("changedSince=0", StringComparison.Ordinal)
                ? Json(HttpStatusCode.OK, """{"items":[{"fnsku":"X1","onHand":1}],"nextCursor":"w1","caughtUp":false}""")
                : Json(HttpStatusCode.OK, """{"items":[{"fnsku":"X2","onHand":2}],"nextCursor":"w2","caughtUp":true}""")
        );

        var batches = await Client(gateway).Allocation.SyncStockAsync("0", pageSize: 1).ToListAsync();

        Assert.That(batches.SelectMany(b => b.Items).Select(b => (b.Fnsku, b.OnHand)), Is.EqualTo(new[] { ("X1", 1), ("X2", 2) }));
        Assert.That(batches.Select(b => (b.NextCursor, b.CaughtUp)), Is.EqualTo(new[] { ("w1", false), ("w2", true) }));
        Assert.That(
            gateway.Requests.Select(r => r.PathAndQuery),
            Is.EqualTo(new[] { "/api/allocation/v1/stock?changedSince=0&limit=1", "/api/allocation/v1/stock?changedSince=w1&limit=1" })
        );
    }

    [Test]
    public void A_validation_problem_becomes_an_exception_naming_each_field_and_reason()
    {
        var gateway = new RecordingGateway(_ =>
            Problem(
                HttpStatusCode.BadRequest,
                """
                {"title":"One or more validation errors occurred.","status":400,
                 "errors":{"lines[0].expectedUnits":["Must be 1 or more."],"fulfillmentCenter":["Is required."]}}
                """
            )
        );

        var refused = Assert.ThrowsAsync<PlatformApiException>(() =>
            Client(gateway).Receiving.CreateShipmentAsync(new CreateShipmentRequest(null, []))
        );

        Assert.That(refused!.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Title, Is.EqualTo("One or more validation errors occurred."));
        Assert.That(
            refused.Errors,
            Is.EquivalentTo(
                new Dictionary<string, string[]>
                {
                    ["lines[0].expectedUnits"] = ["Must be 1 or more."],
                    ["fulfillmentCenter"] = ["Is required."],
                }
            )
        );
        Assert.That(refused.Message, Does.Contain("fulfillmentCenter: Is required."));
    }

    [Test]
    public void A_problem_without_fields_keeps_its_status_title_and_detail()
    {
        var gateway = new RecordingGateway(_ =>
            Problem(HttpStatusCode.Conflict, """{"title":"Not enough stock at the source.","status":409,"detail":"SEA1 holds 2."}""")
        );

        var refused = Assert.ThrowsAsync<PlatformApiException>(() =>
            Client(gateway).Allocation.CreateTransferAsync(new CreateTransferRequest("X00000000A", "SEA1", "LAX1", 5))
        );

        Assert.That(
            (refused!.Status, refused.Title, refused.Detail),
            Is.EqualTo((HttpStatusCode.Conflict, "Not enough stock at the source.", "SEA1 holds 2."))
        );
        Assert.That(refused.Errors, Is.Empty);
    }

    [Test]
    public void An_answer_that_is_not_JSON_still_gives_the_status_and_the_body()
    {
        var gateway = new RecordingGateway(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>bad gateway</html>"),
        });

        var refused = Assert.ThrowsAsync<PlatformApiException>(() => Client(gateway).Limits.GetUsageAsync());

        Assert.That((refused!.Status, refused.Body), Is.EqualTo((HttpStatusCode.BadGateway, "<html>bad gateway</html>")));
    }

    private static PlatformClient Client(RecordingGateway gateway) =>
        new(new HttpClient(gateway), new PlatformClientOptions { BaseAddress = new Uri("https://gateway.test/"), ApiKey = "key-1" });

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Problem(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };

    /// <summary>Answers every request with <c>answer</c> and keeps what was sent.</summary>
    private sealed class RecordingGateway(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(
                new Sent(
                    request.Method.Method,
                    request.RequestUri!.AbsolutePath,
                    request.RequestUri.PathAndQuery,
                    request.Headers.TryGetValues("X-Api-Key", out var key) ? key.Single() : null,
                    request.Headers.TryGetValues("Idempotency-Key", out var idempotency) ? idempotency.Single() : null,
                    request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)
                )
            );
            return answer(request);
        }
    }

    private sealed record Sent(string Method, string Path, string PathAndQuery, string? ApiKey, string? IdempotencyKey, string? Body);
}
