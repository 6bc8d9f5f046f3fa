using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record CreateOrderRequest(
    string? PartnerOrderId,
    string? Marketplace,
    string? ShipToRegion,
    IReadOnlyList<OrderLineRequest>? Lines,
    ShortagePolicy? ShortagePolicy
);
