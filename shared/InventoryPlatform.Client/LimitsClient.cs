namespace InventoryPlatform.Client;

/// <summary>Limits (<c>/api/limits/v1</c>): capacity limits and usage, performance score, overages, reservations and KPIs.</summary>
public sealed class LimitsClient(PlatformTransport transport) : ApiArea(transport, "/api/limits/v1")
{
    [PlatformOperation("GetCapacityLimits")]
    public Task<T> GetLimitsAsync<T>(CancellationToken cancellationToken = default) => GetAsync<T>("/limits", cancellationToken);

    [PlatformOperation("GetCapacityUsage")]
    public Task<T> GetUsageAsync<T>(CancellationToken cancellationToken = default) => GetAsync<T>("/usage", cancellationToken);

    [PlatformOperation("GetPerformanceScore")]
    public Task<T> GetScoreAsync<T>(int? days = null, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/score", ("days", days)), cancellationToken);

    [PlatformOperation("GetOverages")]
    public Task<T> GetOveragesAsync<T>(
        DateOnly? from = null,
        DateOnly? to = null,
        int? days = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<T>(QueryString.Of("/overages", ("from", from), ("to", to), ("days", days)), cancellationToken);

    /// <summary>Capacity reserved for inbound shipments; status "open" (the default) or "all".</summary>
    [PlatformOperation("ListCapacityReservations")]
    public Task<T> GetReservationsAsync<T>(string? status = null, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/reservations", ("status", status)), cancellationToken);

    /// <summary>Recomputes the seller's score, limits and overage now.</summary>
    [PlatformOperation("RecomputeLimits")]
    public Task<T> RecomputeAsync<T>(string sellerId, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/sellers/{QueryString.Segment(sellerId)}/recompute", null, cancellationToken);

    [PlatformOperation("GetStorageUtilization")]
    public Task<T> GetUtilizationAsync<T>(CancellationToken cancellationToken = default) => GetAsync<T>("/utilization", cancellationToken);

    [PlatformOperation("ListFcCapacities")]
    public Task<T> ListFulfillmentCenterCapacitiesAsync<T>(CancellationToken cancellationToken = default) =>
        GetAsync<T>("/fulfillment-centers", cancellationToken);

    [PlatformOperation("GetKpis")]
    public Task<T> GetKpisAsync<T>(
        DateOnly? from = null,
        DateOnly? to = null,
        int? days = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<T>(QueryString.Of("/kpis", ("from", from), ("to", to), ("days", days)), cancellationToken);

    /// <summary>One KPI's daily series as a PNG.</summary>
    [PlatformOperation("GetKpiChart")]
    public Task<byte[]> GetKpiChartAsync(
        string? kpi = null,
        DateOnly? from = null,
        DateOnly? to = null,
        int? days = null,
        CancellationToken cancellationToken = default
    ) => GetPngAsync(QueryString.Of("/kpis/chart.png", ("kpi", kpi), ("from", from), ("to", to), ("days", days)), cancellationToken);
}
