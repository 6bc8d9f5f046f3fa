namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// What the ledger knows of one inbound shipment: whether it shipped or ended, and per FNSKU expected and received units.
/// </summary>
public sealed record InboundShipmentState(
    Guid ShipmentId,
    string SellerId,
    string FulfillmentCenter,
    bool Shipped,
    bool Closed,
    IReadOnlyDictionary<string, InboundLineState> Lines
);
