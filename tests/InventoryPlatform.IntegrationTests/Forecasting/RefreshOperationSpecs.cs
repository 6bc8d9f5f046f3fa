using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests.DemandForecasting;

/// <summary>
/// The forecast refresh as an operation (issue 24): 202 with a Location at once, the work in the background, one per seller,
/// taken over after its worker died, scoped to the seller, idempotent by key; on real PostgreSQL (or SQL Server) and RabbitMQ.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class RefreshOperationSpecs(DatabaseProvider provider)
{
    private ForecastingFixture _fixture = null!;

    private DateOnly Today => DateOnly.FromDateTime(_fixture.Clock.GetUtcNow().UtcDateTime);

    [OneTimeSetUp]
    public async Task Start() => _fixture = await ForecastingFixture.StartAsync(provider, "forecastops");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    [Test]
    public async Task A_refresh_answers_202_with_an_operation_that_ends_with_exact_counts_and_readable_forecasts()
    {
        const string seller = "op-counts";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, "X0OPCN0001", 70, ("US-West", 12), ("US-Northeast", 4));
        await Import(client, "X0OPCN0002", 42, ("US-West", 3));
        // Known from a stock change, never sold: nothing to forecast.
        await _fixture.Bus.Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), "X0OPCN0003", "SEA1", 5, 0, 0, 0, 0, 1, "test")
        );
        await Eventually.Until(
            () => _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.items WHERE seller_id = @seller", new { seller }),
            n => n == 3,
            TimeSpan.FromSeconds(30),
            "the third FNSKU known"
        );

        var (location, started) = await ForecastRefresh.StartAsync(client);
        Assert.That(started.Status, Is.AnyOf("queued", "running", "succeeded"));
        Assert.That(started.SellerId, Is.EqualTo(seller));
        Assert.That(started.Trigger, Is.EqualTo("request"));
        Assert.That(location.OriginalString, Is.EqualTo($"/api/forecasting/v1/forecasts/operations/{started.Id}"));

        var done = await ForecastRefresh.UntilFinishedAsync(client, started);
        Assert.That(done.Status, Is.EqualTo("succeeded"), string.Join("; ", done.Errors.Select(e => e.Reason)));
        Assert.That(done.Progress, Is.EqualTo(new RefreshProgress(3, 3)));
        Assert.That(done.Counts, Is.EqualTo(new RefreshCounts(Forecast: 3, Skipped: 1, Guarded: 0)));
        Assert.That(done.Errors, Is.Empty);
        Assert.That(done.Phase, Is.Null);
        Assert.That(done.StartedAt, Is.Not.Null);
        Assert.That(done.FinishedAt, Is.GreaterThanOrEqualTo(done.StartedAt!.Value));

        var forecast = await (await client.GetAsync("/api/forecasting/v1/forecasts/X0OPCN0001")).ReadAsync<ForecastResponse>();
        Assert.That(forecast.Regions.Select(r => r.Region), Is.EqualTo(new[] { "US-Northeast", "US-West" }));
        Assert.That(forecast.Total, Has.Count.EqualTo(91));
        Assert.That(forecast.TotalUnitsP50, Is.EqualTo(16 * 91).Within(16 * 91 * 0.1));
        Assert.That(
            (await client.GetAsync("/api/forecasting/v1/forecasts/X0OPCN0003")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound),
            "the skipped FNSKU has no forecast"
        );
    }

    [Test]
    public async Task Another_seller_gets_404_for_the_operation_and_403_for_acting_as_its_owner_unless_admin()
    {
        const string seller = "op-scope";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, "X0OPSC0001", 35, ("US-West", 5));
        var done = await client.RefreshForecastsAsync();

        var other = _fixture.Service.ClientFor("op-scope-other");
        Assert.That(
            (await other.GetAsync($"/api/forecasting/v1/forecasts/operations/{done.Id}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            (await other.GetAsync($"/api/forecasting/v1/forecasts/operations/{done.Id}?sellerId={seller}")).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
        Assert.That(
            (await other.PostAsync($"{ForecastRefresh.Path}?sellerId={seller}", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
        Assert.That(await OperationCount(seller), Is.EqualTo(1), "a refused POST starts nothing");

        var admin = _fixture.Service.ClientFor("op-admin", PlatformScopes.Admin);
        var read = await (
            await admin.GetAsync($"/api/forecasting/v1/forecasts/operations/{done.Id}?sellerId={seller}")
        ).ReadAsync<RefreshOperationResponse>();
        Assert.That(read, Is.EqualTo(done).Using<RefreshOperationResponse>((a, b) => a.Id == b.Id && a.Status == b.Status));
        var (location, forSeller) = await ForecastRefresh.StartAsync(admin, $"?sellerId={seller}");
        Assert.That(forSeller.SellerId, Is.EqualTo(seller), "an admin refreshes the seller it names");
        Assert.That(location.OriginalString, Does.EndWith($"?sellerId={seller}"));
        await ForecastRefresh.UntilFinishedAsync(admin, forSeller, $"?sellerId={seller}");
        Assert.That(await OperationCount(seller), Is.EqualTo(2));
    }

    [Test]
    public async Task Bad_input_gets_400_naming_the_field_and_starts_nothing()
    {
        const string seller = "op-bad";
        var client = _fixture.Service.ClientFor(seller);

        var notAnId = await client.GetAsync("/api/forecasting/v1/forecasts/operations/not-a-uuid");
        Assert.That(notAnId.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await notAnId.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { "id" }));

        var badKey = new HttpRequestMessage(HttpMethod.Post, ForecastRefresh.Path);
        badKey.Headers.TryAddWithoutValidation(IdempotentRequests.Header, new string('k', 201));
        var refused = await client.SendAsync(badKey);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await refused.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { IdempotentRequests.Header }));

        var badSeller = await client.PostAsync($"{ForecastRefresh.Path}?sellerId=not%20a%20seller", null);
        Assert.That(badSeller.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await OperationCount(seller), Is.EqualTo(0));
        Assert.That(
            (await client.GetAsync($"/api/forecasting/v1/forecasts/operations/{Guid.NewGuid()}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task A_repeated_idempotency_key_returns_the_first_operation_and_starts_no_second()
    {
        const string seller = "op-idem";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, "X0OPID0001", 35, ("US-West", 5));

        async Task<(Uri? Location, RefreshOperationResponse Operation)> PostWithKey()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ForecastRefresh.Path);
            request.Headers.Add(IdempotentRequests.Header, "refresh-op-idem-1");
            var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            return (response.Headers.Location, await response.ReadAsync<RefreshOperationResponse>());
        }

        var first = await PostWithKey();
        var done = await ForecastRefresh.UntilFinishedAsync(client, first.Operation);
        Assert.That(done.Status, Is.EqualTo("succeeded"));
        var again = await PostWithKey();
        Assert.That(again.Operation.Id, Is.EqualTo(first.Operation.Id));
        Assert.That(again.Location, Is.EqualTo(first.Location));
        Assert.That(await OperationCount(seller), Is.EqualTo(1));
    }

    [Test]
    public async Task A_second_post_returns_the_running_refresh_and_a_refresh_whose_worker_died_is_run_again_and_old_ones_are_purged()
    {
        const string seller = "op-dead";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, "X0OPDD0001", 35, ("US-West", 5));
        await Import(client, "X0OPDD0002", 35, ("US-Northeast", 2));

        // Another replica claimed a refresh of this seller and is still beating.
        var id = Guid.CreateVersion7();
        var now = _fixture.Clock.GetUtcNow().UtcDateTime;
        await _fixture.ExecuteAsync(
            "INSERT INTO forecasting.refresh_operations (id, seller_id, status, trigger_source, phase, series_total, series_done, "
                + "forecast, skipped, guarded, errors, correlation_id, requested_at, started_at, finished_at, claimed_by, heartbeat_at, "
                + "attempts) VALUES (@id, @seller, 'running', 'request', 'forecasting', 2, 0, 0, 0, 0, '[]', @id, @now, @now, NULL, "
                + "'replica-b', @now, 1)",
            new
            {
                id,
                seller,
                now,
            }
        );
        var (location, returned) = await ForecastRefresh.StartAsync(client);
        Assert.That(returned.Id, Is.EqualTo(id), "one running refresh per seller: the POST returns it");
        Assert.That(location.OriginalString, Is.EqualTo($"/api/forecasting/v1/forecasts/operations/{id}"));
        Assert.That(await OperationCount(seller), Is.EqualTo(1));

        // Two finished refreshes of another seller: one 31 days old (purged by the job's round), one 29 (kept).
        var old = Guid.CreateVersion7();
        var recent = Guid.CreateVersion7();
        foreach (var (finished, days) in new[] { (old, 31), (recent, 29) })
        {
            await _fixture.ExecuteAsync(
                "INSERT INTO forecasting.refresh_operations (id, seller_id, status, trigger_source, phase, series_total, series_done, "
                    + "forecast, skipped, guarded, errors, correlation_id, requested_at, started_at, finished_at, claimed_by, "
                    + "heartbeat_at, attempts) VALUES (@finished, 'op-old', 'succeeded', 'schedule', NULL, 0, 0, 0, 0, 0, '[]', "
                    + "@finished, @at, @at, @at, NULL, @at, 1)",
                new { finished, at = now.AddDays(-days) }
            );
        }

        // Replica B dies: its heartbeat goes stale, and the refresh job on this replica claims the operation and runs it.
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var done = await Eventually.Until(
            async () =>
            {
                _fixture.Clock.Advance(TimeSpan.FromSeconds(2)); // ticks the refresh job's timer
                return await (await client.GetAsync(location)).ReadAsync<RefreshOperationResponse>();
            },
            o => o.Status is "succeeded" or "failed",
            TimeSpan.FromSeconds(120),
            "the abandoned refresh run again"
        );
        Assert.That(done.Status, Is.EqualTo("succeeded"), string.Join("; ", done.Errors.Select(e => e.Reason)));
        Assert.That(done.Counts, Is.EqualTo(new RefreshCounts(2, 0, 0)));
        Assert.That(done.Progress, Is.EqualTo(new RefreshProgress(2, 2)));
        Assert.That(
            await _fixture.ScalarAsync<int>("SELECT attempts FROM forecasting.refresh_operations WHERE id = @id", new { id }),
            Is.EqualTo(2)
        );
        Assert.That(
            (await client.GetAsync("/api/forecasting/v1/forecasts/X0OPDD0002")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK),
            "its forecasts are stored"
        );
        Assert.That(
            await _fixture.ScalarAsync<int>(
                "SELECT COUNT(*) FROM forecasting.refresh_operations WHERE id IN (@old, @recent)",
                new { old, recent }
            ),
            Is.EqualTo(1)
        );
        Assert.That(
            await _fixture.ScalarAsync<Guid>("SELECT id FROM forecasting.refresh_operations WHERE seller_id = 'op-old'"),
            Is.EqualTo(recent),
            "finished refreshes are kept 30 days"
        );
    }

    private Task<int> OperationCount(string seller) =>
        _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.refresh_operations WHERE seller_id = @seller", new { seller });

    private async Task Import(HttpClient client, string fnsku, int days, params (string Region, int Units)[] daily)
    {
        var sales = Enumerable
            .Range(1, days)
            .SelectMany(d =>
                daily.Select(r => new
                {
                    date = Today.AddDays(-d),
                    fnsku,
                    region = r.Region,
                    units = r.Units,
                })
            )
            .ToArray();
        var response = await client.PostAsJsonAsync("/api/forecasting/v1/history/import", new { marketplace = "US", sales });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
