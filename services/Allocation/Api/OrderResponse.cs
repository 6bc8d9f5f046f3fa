using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Api;

public sealed record OrderResponse(
    Guid Id,
    string? PartnerOrderId,
    string Marketplace,
    string ShipToRegion,
    OrderStatus Status,
    string? CancelReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<OrderLineResponse> Lines
)
{
    public static OrderResponse From(OrderView order) =>
        new(
            order.Header.Id,
            order.Header.PartnerOrderId,
            order.Header.Marketplace,
            order.Header.ShipToRegion,
            order.Header.Status,
            order.Header.CancelReason,
            order.Header.CreatedAt,
            order.Header.UpdatedAt,
            order
                .Lines.Select(l =>
                {
                    var allocations = order.Allocations.Where(a => a.LineNumber == l.LineNumber).ToList();
                    return new OrderLineResponse(
                        l.LineNumber,
                        l.Fnsku,
                        l.Quantity,
                        new Money(l.UnitPrice, l.Currency),
                        allocations.Sum(a => a.Quantity),
                        l.Backordered,
                        allocations.Select(a => new OrderAllocationResponse(a.FulfillmentCenter, a.Quantity, a.ShippedAt)).ToList()
                    );
                })
                .ToList()
        );
}
