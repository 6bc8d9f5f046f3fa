using System.Text;

namespace InventoryPlatform.Client;

/// <summary>Forecasting (<c>/api/forecasting/v1</c>): sales history, forecasts, replenishment, restock alerts and the calendar.</summary>
public sealed class ForecastingClient(PlatformTransport transport) : ApiArea(transport, "/api/forecasting/v1")
{
    [PlatformOperation("ImportSalesHistory")]
    public Task<T> ImportSalesHistoryAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>("/history/import", request, cancellationToken);

    /// <summary>Imports sales history as CSV (date,fnsku,region,units) for one marketplace.</summary>
    [PlatformOperation("ImportSalesHistoryCsv")]
    public Task<T> ImportSalesHistoryCsvAsync<T>(string marketplace, string csv, CancellationToken cancellationToken = default) =>
        PostAsync<T>(
            QueryString.Of("/history/import/csv", ("marketplace", marketplace)),
            new StringContent(csv, Encoding.UTF8, "text/csv"),
            cancellationToken
        );

    [PlatformOperation("GetSalesHistory")]
    public Task<T> GetSalesHistoryAsync<T>(
        string fnsku,
        DateOnly? from = null,
        DateOnly? to = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<T>(QueryString.Of($"/history/{QueryString.Segment(fnsku)}", ("from", from), ("to", to)), cancellationToken);

    /// <summary>
    /// Starts a refresh of the seller's forecasts (202): the operation to poll with <see cref="GetForecastRefreshOperationAsync{T}"/>.
    /// </summary>
    [PlatformOperation("RefreshForecasts")]
    public Task<T> RefreshForecastsAsync<T>(CancellationToken cancellationToken = default) =>
        PostAsync<T>("/forecasts/refresh", null, cancellationToken);

    /// <summary>A refresh operation: its status, progress, counts and errors.</summary>
    [PlatformOperation("GetForecastRefreshOperation")]
    public Task<T> GetForecastRefreshOperationAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/forecasts/operations/{id}", cancellationToken);

    [PlatformOperation("ListForecasts")]
    public IAsyncEnumerable<T> ListForecastsAsync<T>(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<T>("/forecasts", pageSize, cancellationToken);

    [PlatformOperation("GetForecast")]
    public Task<T> GetForecastAsync<T>(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/forecasts/{QueryString.Segment(fnsku)}", cancellationToken);

    /// <summary>The forecast drawn as a PNG.</summary>
    [PlatformOperation("GetForecastChart")]
    public Task<byte[]> GetForecastChartAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetPngAsync($"/forecasts/{QueryString.Segment(fnsku)}/chart.png", cancellationToken);

    [PlatformOperation("ListForecastAccuracy")]
    public Task<T> ListForecastAccuracyAsync<T>(string? fnsku = null, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/accuracy", ("fnsku", fnsku)), cancellationToken);

    [PlatformOperation("SetReplenishmentSettings")]
    public Task<T> SetReplenishmentSettingsAsync<T>(string fnsku, object request, CancellationToken cancellationToken = default) =>
        PutAsync<T>($"/replenishment/settings/{QueryString.Segment(fnsku)}", request, cancellationToken);

    [PlatformOperation("GetReplenishmentSettings")]
    public Task<T> GetReplenishmentSettingsAsync<T>(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/replenishment/settings/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListReplenishmentRecommendations")]
    public IAsyncEnumerable<T> ListReplenishmentRecommendationsAsync<T>(
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>("/replenishment", pageSize, cancellationToken);

    /// <summary>The restock recommendations, whole, as CSV.</summary>
    [PlatformOperation("ListReplenishmentRecommendations")]
    public Task<string> DownloadReplenishmentRecommendationsCsvAsync(CancellationToken cancellationToken = default) =>
        GetTextAsync("/replenishment", "text/csv", cancellationToken);

    [PlatformOperation("GetReplenishmentRecommendation")]
    public Task<T> GetReplenishmentRecommendationAsync<T>(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/replenishment/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListRestockAlerts")]
    public IAsyncEnumerable<T> ListRestockAlertsAsync<T>(
        string? fnsku = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/alerts", ("fnsku", fnsku)), pageSize, cancellationToken);

    [PlatformOperation("SetHolidays")]
    public Task<T> SetHolidaysAsync<T>(string marketplace, object request, CancellationToken cancellationToken = default) =>
        PutAsync<T>($"/calendar/holidays/{QueryString.Segment(marketplace)}", request, cancellationToken);

    [PlatformOperation("ListHolidays")]
    public Task<T> ListHolidaysAsync<T>(string? marketplace = null, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/calendar/holidays", ("marketplace", marketplace)), cancellationToken);

    /// <summary>Plans a promotion (a create: idempotent by key).</summary>
    [PlatformOperation("CreatePromotion")]
    public Task<T> CreatePromotionAsync<T>(object request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>("/calendar/promotions", request, idempotencyKey, cancellationToken);

    [PlatformOperation("ListPromotions")]
    public Task<T> ListPromotionsAsync<T>(string? fnsku = null, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/calendar/promotions", ("fnsku", fnsku)), cancellationToken);

    [PlatformOperation("DeletePromotion")]
    public Task DeletePromotionAsync(Guid id, CancellationToken cancellationToken = default) =>
        DeleteAsync($"/calendar/promotions/{id}", cancellationToken);
}
