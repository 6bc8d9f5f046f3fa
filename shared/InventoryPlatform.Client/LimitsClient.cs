using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>Limits (<c>/api/limits/v1</c>): capacity limits and usage, performance score, overages, reservations and KPIs.</summary>
public sealed class LimitsClient(PlatformTransport transport) : ApiArea(transport, "/api/limits/v1")
{
    [PlatformOperation("GetCapacityLimits")]
    public Task<LimitsResponse> GetLimitsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<LimitsResponse>("/limits", cancellationToken);

    [PlatformOperation("GetCapacityUsage")]
    public Task<UsageResponse> GetUsageAsync(CancellationToken cancellationToken = default) =>
        GetAsync<UsageResponse>("/usage", cancellationToken);

    [PlatformOperation("GetPerformanceScore")]
    public Task<ScoreResponse> GetScoreAsync(int? days = null, CancellationToken cancellationToken = default) =>
        GetAsync<ScoreResponse>(QueryString.Of("/score", ("days", days)), cancellationToken);

    [PlatformOperation("GetOverages")]
    public Task<OverageResponse> GetOveragesAsync(
        DateOnly? from = null,
        DateOnly? to = null,
        int? days = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<OverageResponse>(QueryString.Of("/overages", ("from", from), ("to", to), ("days", days)), cancellationToken);

    /// <summary>Capacity reserved for inbound shipments; status "open" (the default) or "all".</summary>
    [PlatformOperation("ListCapacityReservations")]
    public Task<ReservationsResponse> GetReservationsAsync(string? status = null, CancellationToken cancellationToken = default) =>
        GetAsync<ReservationsResponse>(QueryString.Of("/reservations", ("status", status)), cancellationToken);

    /// <summary>Recomputes the seller's score, limits and overage now.</summary>
    [PlatformOperation("RecomputeLimits")]
    public Task<RecomputeResponse> RecomputeAsync(string sellerId, CancellationToken cancellationToken = default) =>
        PostAsync<RecomputeResponse>($"/sellers/{QueryString.Segment(sellerId)}/recompute", null, cancellationToken);

    [PlatformOperation("GetStorageUtilization")]
    public Task<UtilizationResponse> GetUtilizationAsync(CancellationToken cancellationToken = default) =>
        GetAsync<UtilizationResponse>("/utilization", cancellationToken);

    [PlatformOperation("ListFcCapacities")]
    public Task<CapacitiesResponse> ListFulfillmentCenterCapacitiesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<CapacitiesResponse>("/fulfillment-centers", cancellationToken);

    [PlatformOperation("GetKpis")]
    public Task<KpiResponse> GetKpisAsync(
        DateOnly? from = null,
        DateOnly? to = null,
        int? days = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<KpiResponse>(QueryString.Of("/kpis", ("from", from), ("to", to), ("days", days)), cancellationToken);

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
