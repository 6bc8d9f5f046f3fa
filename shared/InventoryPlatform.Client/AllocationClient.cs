using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>Allocation (<c>/api/allocation/v1</c>): stock and its incremental sync, the journal, orders, transfers and placement.</summary>
public sealed class AllocationClient(PlatformTransport transport) : ApiArea(transport, "/api/allocation/v1")
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    /// <summary>
    /// The seller's stock per FNSKU and FC, every page; optionally of one FNSKU, one seller SKU or one FC. ListStock answers
    /// a list and a sync with one schema in its document, so a listed balance's <see cref="StockChangeResponse.Version"/> is 0.
    /// </summary>
    [PlatformOperation("ListStock")]
    public IAsyncEnumerable<StockChangeResponse> ListStockAsync(
        string? fnsku = null,
        string? sellerSku = null,
        string? fulfillmentCenter = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<StockChangeResponse>(
            QueryString.Of("/stock", ("fnsku", fnsku), ("sellerSku", sellerSku), ("fulfillmentCenter", fulfillmentCenter)),
            pageSize,
            cancellationToken
        );

    /// <summary>One FNSKU's stock as it stood at <paramref name="asOf"/>, rebuilt from the journal.</summary>
    [PlatformOperation("ListStock")]
    public async Task<IReadOnlyList<StockChangeResponse>> StockAsOfAsync(
        string fnsku,
        DateTimeOffset asOf,
        string? fulfillmentCenter = null,
        CancellationToken cancellationToken = default
    ) =>
        (
            await GetAsync<CursorPage<StockChangeResponse>>(
                QueryString.Of("/stock", ("fnsku", fnsku), ("asOf", asOf), ("fulfillmentCenter", fulfillmentCenter)),
                cancellationToken
            )
        ).Items;

    /// <summary>
    /// Incremental sync: the balances changed since <paramref name="changedSince"/> ("0" the first time, then the
    /// <see cref="ChangeBatch{T}.NextCursor"/> kept from the last sync), batch by batch until caught up.
    /// </summary>
    [PlatformOperation("ListStock")]
    public IAsyncEnumerable<ChangeBatch<StockChangeResponse>> SyncStockAsync(
        string changedSince,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => ChangesAsync<StockChangeResponse>("/stock", changedSince, pageSize, cancellationToken);

    /// <summary>The seller's stock summed per marketplace, optionally of one FNSKU or one seller SKU.</summary>
    [PlatformOperation("ListMarketplaceStock")]
    public Task<IReadOnlyList<MarketplaceStock>> ListMarketplaceStockAsync(
        string? fnsku = null,
        string? sellerSku = null,
        CancellationToken cancellationToken = default
    ) =>
        GetAsync<IReadOnlyList<MarketplaceStock>>(
            QueryString.Of("/stock/marketplaces", ("fnsku", fnsku), ("sellerSku", sellerSku)),
            cancellationToken
        );

    /// <summary>The journal between two times, whole, as NDJSON (<see cref="Ndjson"/>) or CSV (<see cref="Csv"/>).</summary>
    [PlatformOperation("ExportLedgerEntries")]
    public Task<string> ExportLedgerEntriesAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        string format = Ndjson,
        CancellationToken cancellationToken = default
    ) => GetTextAsync(QueryString.Of("/ledger/entries", ("from", from), ("to", to)), format, cancellationToken);

    /// <summary>Places a fulfillment order (a create: idempotent by key); the answer says where each line was allocated.</summary>
    [PlatformOperation("CreateOrder")]
    public Task<OrderResponse> CreateOrderAsync(
        CreateOrderRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<OrderResponse>("/orders", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetOrder")]
    public Task<OrderResponse> GetOrderAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<OrderResponse>($"/orders/{id}", cancellationToken);

    /// <summary>The seller's orders, every page, optionally of one status (e.g. "backordered").</summary>
    [PlatformOperation("ListOrders")]
    public IAsyncEnumerable<OrderSummary> ListOrdersAsync(
        string? status = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<OrderSummary>(QueryString.Of("/orders", ("status", status)), pageSize, cancellationToken);

    [PlatformOperation("CancelOrder")]
    public Task<OrderResponse> CancelOrderAsync(
        Guid id,
        CancelOrderRequest? request = null,
        CancellationToken cancellationToken = default
    ) => PostAsync<OrderResponse>($"/orders/{id}/cancel", request, cancellationToken);

    /// <summary>Confirms that an order left the FC.</summary>
    [PlatformOperation("ConfirmShipment")]
    public Task<OrderResponse> ConfirmShipmentAsync(
        Guid orderId,
        ShipOrderRequest request,
        CancellationToken cancellationToken = default
    ) => PostAsync<OrderResponse>($"/orders/{orderId}/shipments", request, cancellationToken);

    /// <summary>Requests a transfer between FCs (a create: idempotent by key).</summary>
    [PlatformOperation("CreateTransfer")]
    public Task<TransferResponse> CreateTransferAsync(
        CreateTransferRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<TransferResponse>("/transfers", request, idempotencyKey, cancellationToken);

    [PlatformOperation("ReceiveTransfer")]
    public Task<TransferResponse> ReceiveTransferAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<TransferResponse>($"/transfers/{id}/receive", null, cancellationToken);

    [PlatformOperation("GetTransfer")]
    public Task<TransferResponse> GetTransferAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<TransferResponse>($"/transfers/{id}", cancellationToken);

    [PlatformOperation("ListTransfers")]
    public IAsyncEnumerable<TransferResponse> ListTransfersAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<TransferResponse>("/transfers", pageSize, cancellationToken);

    [PlatformOperation("GetNetwork")]
    public Task<NetworkResponse> GetNetworkAsync(CancellationToken cancellationToken = default) =>
        GetAsync<NetworkResponse>("/network", cancellationToken);

    [PlatformOperation("GetPlacementAdvice")]
    public Task<PlacementAdvice> GetPlacementAdviceAsync(
        string fnsku,
        string marketplace,
        int units,
        CancellationToken cancellationToken = default
    ) =>
        GetAsync<PlacementAdvice>(
            QueryString.Of("/placement", ("fnsku", fnsku), ("marketplace", marketplace), ("units", units)),
            cancellationToken
        );

    [PlatformOperation("GetRebalancingProposals")]
    public Task<RebalancingProposals> GetRebalancingProposalsAsync(
        string fnsku,
        string marketplace,
        int? minimumUnits = null,
        CancellationToken cancellationToken = default
    ) =>
        GetAsync<RebalancingProposals>(
            QueryString.Of("/rebalancing", ("fnsku", fnsku), ("marketplace", marketplace), ("minimumUnits", minimumUnits)),
            cancellationToken
        );

    [PlatformOperation("GetRebalancingPolicy")]
    public Task<RebalancingPolicyResponse> GetRebalancingPolicyAsync(CancellationToken cancellationToken = default) =>
        GetAsync<RebalancingPolicyResponse>("/rebalancing/policy", cancellationToken);

    [PlatformOperation("PutRebalancingPolicy")]
    public Task<RebalancingPolicyResponse> PutRebalancingPolicyAsync(
        RebalancingPolicyRequest request,
        CancellationToken cancellationToken = default
    ) => PutAsync<RebalancingPolicyResponse>("/rebalancing/policy", request, cancellationToken);

    [PlatformOperation("RunRebalancing")]
    public Task<RebalancingRunResponse> RunRebalancingAsync(string? marketplace = null, CancellationToken cancellationToken = default) =>
        PostAsync<RebalancingRunResponse>(QueryString.Of("/rebalancing/runs", ("marketplace", marketplace)), null, cancellationToken);
}
