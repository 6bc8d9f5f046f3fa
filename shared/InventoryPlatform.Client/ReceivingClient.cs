using InventoryPlatform.Client.Models;

namespace InventoryPlatform.Client;

/// <summary>Receiving (<c>/api/receiving/v1</c>): items, inbound shipments, scans, units and bins.</summary>
public sealed class ReceivingClient(PlatformTransport transport) : ApiArea(transport, "/api/receiving/v1")
{
    /// <summary>Registers a product (or updates it, by seller SKU); the answer carries its FNSKU.</summary>
    [PlatformOperation("RegisterItem")]
    public Task<ItemResponse> RegisterItemAsync(RegisterItemRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<ItemResponse>("/items", request, cancellationToken);

    [PlatformOperation("GetItem")]
    public Task<ItemResponse> GetItemAsync(string fnsku, CancellationToken cancellationToken = default) =>
        GetAsync<ItemResponse>($"/items/{QueryString.Segment(fnsku)}", cancellationToken);

    [PlatformOperation("ListItems")]
    public IAsyncEnumerable<ItemResponse> ListItemsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<ItemResponse>("/items", pageSize, cancellationToken);

    /// <summary>Plans an inbound shipment (a create: idempotent by key).</summary>
    [PlatformOperation("CreateShipment")]
    public Task<ShipmentResponse> CreateShipmentAsync(
        CreateShipmentRequest request,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default
    ) => CreateAsync<ShipmentResponse>("/shipments", request, idempotencyKey, cancellationToken);

    [PlatformOperation("GetShipment")]
    public Task<ShipmentResponse> GetShipmentAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<ShipmentResponse>($"/shipments/{id}", cancellationToken);

    [PlatformOperation("ListShipments")]
    public IAsyncEnumerable<ShipmentSummary> ListShipmentsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        PagesAsync<ShipmentSummary>("/shipments", pageSize, cancellationToken);

    [PlatformOperation("ShipShipment")]
    public Task<ShipmentResponse> ShipShipmentAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<ShipmentResponse>($"/shipments/{id}/ship", null, cancellationToken);

    [PlatformOperation("CloseShipment")]
    public Task<ShipmentResponse> CloseShipmentAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<ShipmentResponse>($"/shipments/{id}/close", null, cancellationToken);

    [PlatformOperation("CancelShipment")]
    public Task<ShipmentResponse> CancelShipmentAsync(Guid id, CancellationToken cancellationToken = default) =>
        PostAsync<ShipmentResponse>($"/shipments/{id}/cancel", null, cancellationToken);

    [PlatformOperation("GetShipmentReport")]
    public Task<ShipmentReport> GetShipmentReportAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetAsync<ShipmentReport>($"/shipments/{id}/report", cancellationToken);

    [PlatformOperation("PostScan")]
    public Task<ScanResult> ScanAsync(Guid shipmentId, ScanRequest scan, CancellationToken cancellationToken = default) =>
        PostAsync<ScanResult>($"/shipments/{shipmentId}/scans", scan, cancellationToken);

    [PlatformOperation("PostScanBatch")]
    public Task<ScanResult> ScanBatchAsync(Guid shipmentId, ScanBatchRequest batch, CancellationToken cancellationToken = default) =>
        PostAsync<ScanResult>($"/shipments/{shipmentId}/scans/batch", batch, cancellationToken);

    [PlatformOperation("GetUnit")]
    public Task<UnitResponse> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        GetAsync<UnitResponse>($"/units/{QueryString.Segment(unitId)}", cancellationToken);

    [PlatformOperation("ListBins")]
    public IAsyncEnumerable<BinResponse> ListBinsAsync(
        string fulfillmentCenter,
        int? pageSize = null,
        CancellationToken cancellationToken = default
    ) => PagesAsync<BinResponse>($"/fulfillment-centers/{QueryString.Segment(fulfillmentCenter)}/bins", pageSize, cancellationToken);
}
