using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record OrderSummary(
    Guid Id,
    string? PartnerOrderId,
    string Marketplace,
    string ShipToRegion,
    OrderStatus Status,
    DateTime CreatedAt
);
