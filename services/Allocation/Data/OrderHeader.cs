using Dapper;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

public sealed record OrderHeader(
    Guid Id,
    string SellerId,
    string? PartnerOrderId,
    string Marketplace,
    string ShipToRegion,
    OrderStatus Status,
    string? CancelReason,
    Guid CorrelationId,
    DateTime CreatedAt,
    DateTime UpdatedAt
);
