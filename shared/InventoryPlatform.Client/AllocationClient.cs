namespace InventoryPlatform.Client;

/// <summary>Allocation (<c>/api/allocation/v1</c>): stock and its incremental sync, the journal, orders, transfers and placement.</summary>
public sealed class AllocationClient(PlatformTransport transport) : ApiArea(transport, "/api/allocation/v1")
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    /// <summary>The seller's stock per FNSKU and FC, every page; optionally of one FNSKU, one seller SKU or one FC.</summary>
    [PlatformOperation("ListStock")]
    public IAsyncEnumerable<T> ListStockAsync<T>(
        string? fnsku = null,
        string? sellerSku = null,
        string? fulfillmentCenter = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) =>
        PagesAsync<T>(
            QueryString.Of("/stock", ("fnsku", fnsku), ("sellerSku", sellerSku), ("fulfillmentCenter", fulfillmentCenter)),
            pageSize,
            cancellationToken
        );

    /// <summary>One FNSKU's stock as it stood at <paramref name="asOf"/>, rebuilt from the journal.</summary>
    [PlatformOperation("ListStock")]
    public async Task<IReadOnlyList<T>> StockAsOfAsync<T>(
        string fnsku,
        DateTimeOffset asOf,
        string? fulfillmentCenter = null,
        CancellationToken cancellationToken = default
    ) =>
        (
            await GetAsync<CursorPage<T>>(
                QueryString.Of("/stock", ("fnsku", fnsku), ("asOf", asOf), ("fulfillmentCenter", fulfillmentCenter)),
                cancellationToken
            )
        ).Items;

    /// <summary>
    /// Incremental sync: the balances changed since <paramref name="changedSince"/> ("0" the first time, then the
    /// <see cref="ChangeBatch{T}.NextCursor"/> kept from the last sync), batch by batch until caught up.
    /// </summary>
    [PlatformOperation("ListStock")]
    public IAsyncEnumerable<ChangeBatch<T>> SyncStockAsync<T>(
        string changedSince,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => ChangesAsync<T>("/stock", changedSince, pageSize, cancellationToken);

    /// <summary>The seller's stock summed per marketplace, optionally of one FNSKU or one seller SKU.</summary>
    [PlatformOperation("ListMarketplaceStock")]
    public Task<IReadOnlyList<T>> ListMarketplaceStockAsync<T>(
        string? fnsku = null,
        string? sellerSku = null,
        CancellationToken cancellationToken = default
    ) => GetAsync<IReadOnlyList<T>>(QueryString.Of("/stock/marketplaces", ("fnsku", fnsku), ("sellerSku", sellerSku)), cancellationToken);

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
    public Task<T> CreateOrderAsync<T>(object request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>("/orders", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetOrder")]
    public Task<T> GetOrderAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/orders/{id}", cancellationToken);

    /// <summary>The seller's orders, every page, optionally of one status (e.g. "backordered").</summary>
    [PlatformOperation("ListOrders")]
    public IAsyncEnumerable<T> ListOrdersAsync<T>(
        string? status = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>(QueryString.Of("/orders", ("status", status)), pageSize, cancellationToken);

    [PlatformOperation("CancelOrder")]
    public Task<T> CancelOrderAsync<T>(Guid id, object? request = null, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/orders/{id}/cancel", request, cancellationToken);

    /// <summary>Confirms that an order left the FC.</summary>
    [PlatformOperation("ConfirmShipment")]
    public Task<T> ConfirmShipmentAsync<T>(Guid orderId, object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/orders/{orderId}/shipments", request, cancellationToken);

    /// <summary>Requests a transfer between FCs (a create: idempotent by key).</summary>
    [PlatformOperation("CreateTransfer")]
    public Task<T> CreateTransferAsync<T>(object request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>("/transfers", request, idempotencyKey, cancellationToken);

    [PlatformOperation("ReceiveTransfer")]
    public Task<T> ReceiveTransferAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/transfers/{id}/receive", null, cancellationToken);

    [PlatformOperation("GetTransfer")]
    public Task<T> GetTransferAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/transfers/{id}", cancellationToken);

    [PlatformOperation("ListTransfers")]
    public IAsyncEnumerable<T> ListTransfersAsync<T>(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<T>("/transfers", pageSize, cancellationToken);

    [PlatformOperation("GetNetwork")]
    public Task<T> GetNetworkAsync<T>(CancellationToken cancellationToken = default) => GetAsync<T>("/network", cancellationToken);

    [PlatformOperation("GetPlacementAdvice")]
    public Task<T> GetPlacementAdviceAsync<T>(string fnsku, string marketplace, int units, CancellationToken cancellationToken = default) =>
        GetAsync<T>(QueryString.Of("/placement", ("fnsku", fnsku), ("marketplace", marketplace), ("units", units)), cancellationToken);

    [PlatformOperation("GetRebalancingProposals")]
    public Task<T> GetRebalancingProposalsAsync<T>(
        string fnsku,
        string marketplace,
        int? minimumUnits = null,
        CancellationToken cancellationToken = default
    ) =>
        GetAsync<T>(
            QueryString.Of("/rebalancing", ("fnsku", fnsku), ("marketplace", marketplace), ("minimumUnits", minimumUnits)),
            cancellationToken
        );

    [PlatformOperation("GetRebalancingPolicy")]
    public Task<T> GetRebalancingPolicyAsync<T>(CancellationToken cancellationToken = default) =>
        GetAsync<T>("/rebalancing/policy", cancellationToken);

    [PlatformOperation("PutRebalancingPolicy")]
    public Task<T> PutRebalancingPolicyAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PutAsync<T>("/rebalancing/policy", request, cancellationToken);

    [PlatformOperation("RunRebalancing")]
    public Task<T> RunRebalancingAsync<T>(string? marketplace = null, CancellationToken cancellationToken = default) =>
        PostAsync<T>(QueryString.Of("/rebalancing/runs", ("marketplace", marketplace)), null, cancellationToken);
}
