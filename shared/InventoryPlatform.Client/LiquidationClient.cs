namespace InventoryPlatform.Client;

/// <summary>
/// Liquidation (<c>/api/liquidation/v1</c>): aged-inventory and excess reports, recommendations, the policy and removal orders.
/// </summary>
public sealed class LiquidationClient(PlatformTransport transport) : ApiArea(transport, "/api/liquidation/v1")
{
    /// <summary>Units per age bracket and FC with this month's holding cost, every page; stockKind "sellable" or "unfulfillable".</summary>
    [PlatformOperation("GetAgedInventory")]
    public IAsyncEnumerable<T> ListAgedInventoryAsync<T>(
        string? fnsku = null,
        string? fulfillmentCenter = null,
        string? stockKind = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<T>(
            QueryString.Of("/aged-inventory", ("fnsku", fnsku), ("fulfillmentCenter", fulfillmentCenter), ("stockKind", stockKind)),
            pageSize,
            cancellationToken
        );

    /// <summary>The aged-inventory report, whole, as CSV.</summary>
    [PlatformOperation("GetAgedInventory")]
    public Task<string> DownloadAgedInventoryCsvAsync(CancellationToken cancellationToken = default) =>
        GetTextAsync("/aged-inventory", "text/csv", cancellationToken);

    [PlatformOperation("GetExcessInventory")]
    public IAsyncEnumerable<T> ListExcessInventoryAsync<T>(
        string? fnsku = null,
        bool? onlyExcess = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/excess", ("fnsku", fnsku), ("onlyExcess", onlyExcess)), pageSize, cancellationToken);

    [PlatformOperation("GetHoldingCostSchedule")]
    public Task<T> GetHoldingCostScheduleAsync<T>(CancellationToken cancellationToken = default) =>
        GetAsync<T>("/holding-cost-schedule", cancellationToken);

    [PlatformOperation("RecomputeRecommendations")]
    public Task<T> RecomputeRecommendationsAsync<T>(CancellationToken cancellationToken = default) =>
        PostAsync<T>("/recommendations/recompute", null, cancellationToken);

    [PlatformOperation("ListRecommendations")]
    public IAsyncEnumerable<T> ListRecommendationsAsync<T>(
        string? status = null,
        string? fnsku = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/recommendations", ("status", status), ("fnsku", fnsku)), pageSize, cancellationToken);

    [PlatformOperation("GetRecommendation")]
    public Task<T> GetRecommendationAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/recommendations/{id}", cancellationToken);

    /// <summary>Approves a recommendation, which opens its removal order (a create: idempotent by key).</summary>
    [PlatformOperation("ApproveRecommendation")]
    public Task<T> ApproveRecommendationAsync<T>(Guid id, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>($"/recommendations/{id}/approve", null, idempotencyKey, cancellationToken);

    [PlatformOperation("RejectRecommendation")]
    public Task<T> RejectRecommendationAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/recommendations/{id}/reject", null, cancellationToken);

    [PlatformOperation("GetLiquidationPolicy")]
    public Task<T> GetPolicyAsync<T>(CancellationToken cancellationToken = default) => GetAsync<T>("/policy", cancellationToken);

    [PlatformOperation("PutLiquidationPolicy")]
    public Task<T> PutPolicyAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PutAsync<T>("/policy", request, cancellationToken);

    [PlatformOperation("ListRemovalOrders")]
    public IAsyncEnumerable<T> ListRemovalOrdersAsync<T>(
        string? status = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/orders", ("status", status)), pageSize, cancellationToken);

    [PlatformOperation("GetRemovalOrder")]
    public Task<T> GetRemovalOrderAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/orders/{id}", cancellationToken);

    [PlatformOperation("StartRemovalOrder")]
    public Task<T> StartRemovalOrderAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/orders/{id}/start", null, cancellationToken);

    [PlatformOperation("CompleteRemovalOrder")]
    public Task<T> CompleteRemovalOrderAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/orders/{id}/complete", null, cancellationToken);

    [PlatformOperation("CancelRemovalOrder")]
    public Task<T> CancelRemovalOrderAsync<T>(Guid id, object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/orders/{id}/cancel", request, cancellationToken);
}
