namespace InventoryPlatform.Returns.Domain;

/// <summary>Units of one FNSKU that left one FC for an order (the projection of <c>OrderShipped</c>).</summary>
public sealed record ShippedLine(
    Guid OrderId,
    string Fnsku,
    string FulfillmentCenter,
    string Marketplace,
    int Quantity,
    decimal UnitPrice,
    string Currency,
    DateTimeOffset ShippedAt
);
