namespace InventoryPlatform.Client;

/// <summary>Receiving (<c>/api/receiving/v1</c>): items, inbound shipments, scans, units and bins.</summary>
public sealed class ReceivingClient(PlatformTransport transport) : ApiArea(transport, "/api/receiving/v1")
{
    /// <summary>Registers a product (or updates it, by seller SKU); the answer carries its FNSKU.</summary>
    [PlatformOperation("RegisterItem")]
    public Task<T> RegisterItemAsync<T>(object request, CancellationToken cancellationToken = default) =>
        PostAsync<T>("/items", request, cancellationToken);

    [PlatformOperation("GetItem")]
    public Task<T> GetItemAsync<T>(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/items/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListItems")]
    public IAsyncEnumerable<T> ListItemsAsync<T>(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<T>("/items", pageSize, cancellationToken);

    /// <summary>Plans an inbound shipment (a create: idempotent by key).</summary>
    [PlatformOperation("CreateShipment")]
    public Task<T> CreateShipmentAsync<T>(object request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        CreateAsync<T>("/shipments", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetShipment")]
    public Task<T> GetShipmentAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/shipments/{id}", cancellationToken);

    [PlatformOperation("ListShipments")]
    public IAsyncEnumerable<T> ListShipmentsAsync<T>(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<T>("/shipments", pageSize, cancellationToken);

    [PlatformOperation("ShipShipment")]
    public Task<T> ShipShipmentAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/shipments/{id}/ship", null, cancellationToken);

    [PlatformOperation("CloseShipment")]
    public Task<T> CloseShipmentAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/shipments/{id}/close", null, cancellationToken);

    [PlatformOperation("CancelShipment")]
    public Task<T> CancelShipmentAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/shipments/{id}/cancel", null, cancellationToken);

    [PlatformOperation("GetShipmentReport")]
    public Task<T> GetShipmentReportAsync<T>(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/shipments/{id}/report", cancellationToken);

    [PlatformOperation("PostScan")]
    public Task<T> ScanAsync<T>(Guid shipmentId, object scan, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/shipments/{shipmentId}/scans", scan, cancellationToken);

    [PlatformOperation("PostScanBatch")]
    public Task<T> ScanBatchAsync<T>(Guid shipmentId, object batch, CancellationToken cancellationToken = default) =>
        PostAsync<T>($"/shipments/{shipmentId}/scans/batch", batch, cancellationToken);

    [PlatformOperation("GetUnit")]
    public Task<T> GetUnitAsync<T>(string unitId, CancellationToken cancellationToken = default) =>
        GetAsync<T>($"/units/{QueryString.Segment(unitId)}", cancellationToken);

    [PlatformOperation("ListBins")]
    public IAsyncEnumerable<T> ListBinsAsync<T>(
        string fulfillmentCenter,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<T>($"/fulfillment-centers/{QueryString.Segment(fulfillmentCenter)}/bins", pageSize, cancellationToken);
}
