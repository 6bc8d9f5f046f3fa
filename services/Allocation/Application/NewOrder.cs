using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Application;

/// <summary>A new order as checked input.</summary>
public sealed record NewOrder(
    string SellerId,
    string? PartnerOrderId,
    string Marketplace,
    string ShipToRegion,
    IReadOnlyList<OrderLineRecord> Lines,
    ShortagePolicy ShortagePolicy,
    Guid CorrelationId
);
