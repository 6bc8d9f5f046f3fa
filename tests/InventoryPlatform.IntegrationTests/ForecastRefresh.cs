using System.Net;
using InventoryPlatform.Forecasting.Api;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Forecast refreshes as a partner runs them: POST (202 with a Location), then poll the operation until it ends. A POST while
/// the schedule's refresh of the seller runs returns that one, which may have read the history from before the spec's last
/// import; the spec then waits for it and asks again, so the refresh it gets back started after everything it wrote.
/// </summary>
public static class ForecastRefresh
{
    public const string Path = "/api/forecasting/v1/forecasts/refresh";

    public static async Task<RefreshOperationResponse> RefreshForecastsAsync(this HttpClient client, string query = "")
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (_, started) = await StartAsync(client, query);
            var finished = await UntilFinishedAsync(client, started);
            if (started.Trigger == "request")
            {
                Assert.That(finished.Status, Is.EqualTo("succeeded"), string.Join("; ", finished.Errors.Select(e => e.Reason)));
                return finished;
            }
        }

        throw new AssertionException("Three refreshes in a row were the schedule's.");
    }

    /// <summary>POSTs a refresh; asserts 202 with a Location to the operation it returns.</summary>
    public static async Task<(Uri Location, RefreshOperationResponse Operation)> StartAsync(HttpClient client, string query = "")
    {
        var response = await client.PostAsync(Path + query, null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var operation = await response.ReadAsync<RefreshOperationResponse>();
        var location = response.Headers.Location ?? throw new AssertionException("202 without a Location");
        Assert.That(location.OriginalString, Does.StartWith($"/api/forecasting/v1/forecasts/operations/{operation.Id}"));
        return (location, operation);
    }

    public static Task<RefreshOperationResponse> UntilFinishedAsync(
        HttpClient client,
        RefreshOperationResponse operation,
        string query = ""
    ) =>
        Eventually.Until(
            async () =>
                await (
                    await client.GetAsync($"/api/forecasting/v1/forecasts/operations/{operation.Id}{query}")
                ).ReadAsync<RefreshOperationResponse>(),
            o => o.Status is "succeeded" or "failed",
            TimeSpan.FromSeconds(120),
            $"refresh operation {operation.Id} finished"
        );
}
