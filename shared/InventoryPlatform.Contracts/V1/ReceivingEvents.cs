namespace InventoryPlatform.Contracts.V1;

/// <summary>A seller registered a product (or changed its dimensions); Receiving assigned its FNSKU.</summary>
public sealed record ItemRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice,
    bool IsUpdate
) : IIntegrationEvent;

/// <summary>Units of one shipment line were scanned at a fulfillment center dock, grouped by condition.</summary>
public sealed record UnitsReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter,
    string Fnsku,
    UnitCondition Condition,
    int Quantity,
    IReadOnlyList<string> UnitIds
) : IIntegrationEvent;

public sealed record ShipmentLineDiscrepancy(
    string Fnsku,
    int ExpectedUnits,
    int ReceivedSellable,
    int ReceivedDamaged,
    int Shortage,
    int Overage
);

/// <summary>An inbound shipment was closed; the lines carry what was expected against what arrived.</summary>
public sealed record InboundShipmentClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter,
    IReadOnlyList<ShipmentLineDiscrepancy> Lines
) : IIntegrationEvent;
