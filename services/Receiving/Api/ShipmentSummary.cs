using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Api;

public sealed record ShipmentSummary(Guid Id, string FulfillmentCenter, ShipmentStatus Status, DateTime CreatedAt);
