namespace InventoryPlatform.Receiving.Api;

public sealed record CreateShipmentRequest(string? FulfillmentCenter, IReadOnlyList<ShipmentLineRequest>? Lines);
