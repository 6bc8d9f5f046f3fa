using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>
/// Liquidation (<c>/api/liquidation/v1</c>): aged-inventory and excess reports, recommendations, the policy and removal orders.
/// </summary>
public sealed class LiquidationClient(PlatformTransport transport) : ApiArea(transport, "/api/liquidation/v1")
{
    /// <summary>Units per age bracket and FC with this month's holding cost, every page; stockKind "sellable" or "unfulfillable".</summary>
    [PlatformOperation("GetAgedInventory")]
    public IAsyncEnumerable<AgedInventoryRow> ListAgedInventoryAsync(
        string? fnsku = null,
        string? fulfillmentCenter = null,
        string? stockKind = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<AgedInventoryRow>(
            QueryString.Of("/aged-inventory", ("fnsku", fnsku), ("fulfillmentCenter", fulfillmentCenter), ("stockKind", stockKind)),
            pageSize,
            cancellationToken
        );

    /// <summary>The aged-inventory report, whole, as CSV.</summary>
    [PlatformOperation("GetAgedInventory")]
    public Task<string> DownloadAgedInventoryCsvAsync(CancellationToken cancellationToken = default) =>
        GetTextAsync("/aged-inventory", "text/csv", cancellationToken);

    [PlatformOperation("GetExcessInventory")]
    public IAsyncEnumerable<ExcessRow> ListExcessInventoryAsync(
        string? fnsku = null,
        bool? onlyExcess = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<ExcessRow>(QueryString.Of("/excess", ("fnsku", fnsku), ("onlyExcess", onlyExcess)), pageSize, cancellationToken);

    [PlatformOperation("GetHoldingCostSchedule")]
    public Task<HoldingCostScheduleResponse> GetHoldingCostScheduleAsync(CancellationToken cancellationToken = default) =>
        GetAsync<HoldingCostScheduleResponse>("/holding-cost-schedule", cancellationToken);

    [PlatformOperation("RecomputeRecommendations")]
    public Task<IReadOnlyList<RecommendationResponse>> RecomputeRecommendationsAsync(CancellationToken cancellationToken = default) =>
        PostAsync<IReadOnlyList<RecommendationResponse>>("/recommendations/recompute", null, cancellationToken);

    [PlatformOperation("ListRecommendations")]
    public IAsyncEnumerable<RecommendationResponse> ListRecommendationsAsync(
        string? status = null,
        string? fnsku = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<RecommendationResponse>(
            QueryString.Of("/recommendations", ("status", status), ("fnsku", fnsku)),
            pageSize,
            cancellationToken
        );

    [PlatformOperation("GetRecommendation")]
    public Task<RecommendationResponse> GetRecommendationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<RecommendationResponse>($"/recommendations/{id}", cancellationToken);

    /// <summary>Approves a recommendation, which opens its removal order (a create: idempotent by key).</summary>
    [PlatformOperation("ApproveRecommendation")]
    public Task<RecommendationResponse> ApproveRecommendationAsync(
        Guid id,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<RecommendationResponse>($"/recommendations/{id}/approve", null, idempotencyKey, cancellationToken);

    [PlatformOperation("RejectRecommendation")]
    public Task<RecommendationResponse> RejectRecommendationAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<RecommendationResponse>($"/recommendations/{id}/reject", null, cancellationToken);

    [PlatformOperation("GetLiquidationPolicy")]
    public Task<PolicyResponse> GetPolicyAsync(CancellationToken cancellationToken = default) =>
        GetAsync<PolicyResponse>("/policy", cancellationToken);

    [PlatformOperation("PutLiquidationPolicy")]
    public Task<PolicyResponse> PutPolicyAsync(PolicyRequest request, CancellationToken cancellationToken = default) =>
        PutAsync<PolicyResponse>("/policy", request, cancellationToken);

    [PlatformOperation("ListRemovalOrders")]
    public IAsyncEnumerable<RemovalOrderResponse> ListRemovalOrdersAsync(
        string? status = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<RemovalOrderResponse>(QueryString.Of("/orders", ("status", status)), pageSize, cancellationToken);

    [PlatformOperation("GetRemovalOrder")]
    public Task<RemovalOrderResponse> GetRemovalOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<RemovalOrderResponse>($"/orders/{id}", cancellationToken);

    [PlatformOperation("StartRemovalOrder")]
    public Task<RemovalOrderResponse> StartRemovalOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<RemovalOrderResponse>($"/orders/{id}/start", null, cancellationToken);

    [PlatformOperation("CompleteRemovalOrder")]
    public Task<RemovalOrderResponse> CompleteRemovalOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<RemovalOrderResponse>($"/orders/{id}/complete", null, cancellationToken);

    [PlatformOperation("CancelRemovalOrder")]
    public Task<RemovalOrderResponse> CancelRemovalOrderAsync(
        Guid id,
        CancelOrderRequest request,
        CancellationToken cancellationToken = default
    ) => PostAsync<RemovalOrderResponse>($"/orders/{id}/cancel", request, cancellationToken);
}
