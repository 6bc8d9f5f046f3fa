using System.Text;
using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>Forecasting (<c>/api/forecasting/v1</c>): sales history, forecasts, replenishment, restock alerts and the calendar.</summary>
public sealed class ForecastingClient(PlatformTransport transport) : ApiArea(transport, "/api/forecasting/v1")
{
    [PlatformOperation("ImportSalesHistory")]
    public Task<ImportResult> ImportSalesHistoryAsync(ImportHistoryRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ImportResult>("/history/import", request, cancellationToken);

    /// <summary>Imports sales history as CSV (date,fnsku,region,units) for one marketplace.</summary>
    [PlatformOperation("ImportSalesHistoryCsv")]
    public Task<ImportResult> ImportSalesHistoryCsvAsync(string marketplace, string csv, CancellationToken cancellationToken = default) =>
        PostAsync<ImportResult>(
            QueryString.Of("/history/import/csv", ("marketplace", marketplace)),
            new StringContent(csv, Encoding.UTF8, "text/csv"),
            cancellationToken
        );

    /// <summary>The marketplace's forecasting period for the seller: daily (the default) or weekly.</summary>
    [PlatformOperation("GetForecastingMarketplaceSettings")]
    public Task<MarketplaceSettingsResponse> GetMarketplaceSettingsAsync(
        string marketplace,
        CancellationToken cancellationToken = default
    ) => GetAsync<MarketplaceSettingsResponse>($"/marketplaces/{QueryString.Segment(marketplace)}/settings", cancellationToken);

    /// <summary>Forecasts the marketplace's sales daily or weekly from the next refresh on.</summary>
    [PlatformOperation("SetForecastingMarketplaceSettings")]
    public Task<MarketplaceSettingsResponse> SetMarketplaceSettingsAsync(
        string marketplace,
        MarketplaceSettingsRequest request,
        CancellationToken cancellationToken = default
    ) => PutAsync<MarketplaceSettingsResponse>($"/marketplaces/{QueryString.Segment(marketplace)}/settings", request, cancellationToken);

    /// <summary>The item's dated prices (the seller's own and approved markdowns), a covariate of its forecast.</summary>
    [PlatformOperation("GetPrices")]
    public Task<PricesResponse> GetPricesAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<PricesResponse>($"/prices/{QueryString.Segment(fnsku)}", cancellationToken);

    /// <summary>Replaces the seller's dated prices of the item (past and planned); approved markdowns are kept.</summary>
    [PlatformOperation("SetPrices")]
    public Task<PricesResponse> SetPricesAsync(string fnsku, SetPricesRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<PricesResponse>($"/prices/{QueryString.Segment(fnsku)}", request, cancellationToken);

    [PlatformOperation("GetSalesHistory")]
    public Task<HistoryResponse> GetSalesHistoryAsync(
        string fnsku,
        DateOnly? from = null,
        DateOnly? to = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<HistoryResponse>(QueryString.Of($"/history/{QueryString.Segment(fnsku)}", ("from", from), ("to", to)), cancellationToken);

    /// <summary>
    /// Starts a refresh of the seller's forecasts (202): the operation to poll with <see cref="GetForecastRefreshOperationAsync"/>.
    /// </summary>
    [PlatformOperation("RefreshForecasts")]
    public Task<RefreshOperationResponse> RefreshForecastsAsync(CancellationToken cancellationToken = default) =>
        PostAsync<RefreshOperationResponse>("/forecasts/refresh", null, cancellationToken);

    /// <summary>A refresh operation: its status, progress, counts and errors.</summary>
    [PlatformOperation("GetForecastRefreshOperation")]
    public Task<RefreshOperationResponse> GetForecastRefreshOperationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<RefreshOperationResponse>($"/forecasts/operations/{id}", cancellationToken);

    [PlatformOperation("ListForecasts")]
    public IAsyncEnumerable<string> ListForecastsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<string>("/forecasts", pageSize, cancellationToken);

    [PlatformOperation("GetForecast")]
    public Task<ForecastResponse> GetForecastAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<ForecastResponse>($"/forecasts/{QueryString.Segment(fnsku)}", cancellationToken);

    /// <summary>The forecast drawn as a PNG.</summary>
    [PlatformOperation("GetForecastChart")]
    public Task<byte[]> GetForecastChartAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetPngAsync($"/forecasts/{QueryString.Segment(fnsku)}/chart.png", cancellationToken);

    [PlatformOperation("ListForecastAccuracy")]
    public Task<IReadOnlyList<AccuracyRecord>> ListForecastAccuracyAsync(
        string? fnsku = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<IReadOnlyList<AccuracyRecord>>(QueryString.Of("/accuracy", ("fnsku", fnsku)), cancellationToken);

    [PlatformOperation("SetReplenishmentSettings")]
    public Task<SettingsResponse> SetReplenishmentSettingsAsync(
        string fnsku,
        SettingsRequest request,
        CancellationToken cancellationToken = default
    ) => PutAsync<SettingsResponse>($"/replenishment/settings/{QueryString.Segment(fnsku)}", request, cancellationToken);

    [PlatformOperation("GetReplenishmentSettings")]
    public Task<SettingsResponse> GetReplenishmentSettingsAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<SettingsResponse>($"/replenishment/settings/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListReplenishmentRecommendations")]
    public IAsyncEnumerable<RecommendationRecord> ListReplenishmentRecommendationsAsync(
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<RecommendationRecord>("/replenishment", pageSize, cancellationToken);

    /// <summary>The restock recommendations, whole, as CSV.</summary>
    [PlatformOperation("ListReplenishmentRecommendations")]
    public Task<string> DownloadReplenishmentRecommendationsCsvAsync(CancellationToken cancellationToken = default) =>
        GetTextAsync("/replenishment", "text/csv", cancellationToken);

    [PlatformOperation("GetReplenishmentRecommendation")]
    public Task<ReplenishmentResponse> GetReplenishmentRecommendationAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<ReplenishmentResponse>($"/replenishment/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListRestockAlerts")]
    public IAsyncEnumerable<AlertRecord> ListRestockAlertsAsync(
        string? fnsku = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<AlertRecord>(QueryString.Of("/alerts", ("fnsku", fnsku)), pageSize, cancellationToken);

    [PlatformOperation("SetHolidays")]
    public Task<IReadOnlyList<Holiday>> SetHolidaysAsync(
        string marketplace,
        SetHolidaysRequest request,
        CancellationToken cancellationToken = default
    ) => PutAsync<IReadOnlyList<Holiday>>($"/calendar/holidays/{QueryString.Segment(marketplace)}", request, cancellationToken);

    [PlatformOperation("ListHolidays")]
    public Task<IReadOnlyList<Holiday>> ListHolidaysAsync(string? marketplace = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Holiday>>(QueryString.Of("/calendar/holidays", ("marketplace", marketplace)), cancellationToken);

    /// <summary>Plans a promotion (a create: idempotent by key).</summary>
    [PlatformOperation("CreatePromotion")]
    public Task<Promotion> CreatePromotionAsync(
        CreatePromotionRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<Promotion>("/calendar/promotions", request, idempotencyKey, cancellationToken);

    [PlatformOperation("ListPromotions")]
    public Task<IReadOnlyList<Promotion>> ListPromotionsAsync(string? fnsku = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Promotion>>(QueryString.Of("/calendar/promotions", ("fnsku", fnsku)), cancellationToken);

    [PlatformOperation("DeletePromotion")]
    public Task DeletePromotionAsync(Guid id, CancellationToken cancellationToken = default) =>
        DeleteAsync($"/calendar/promotions/{id}", cancellationToken);
}
