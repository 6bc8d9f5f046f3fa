using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Api;

public sealed record ShipmentResponse(
    Guid Id,
    string FulfillmentCenter,
    ShipmentStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ShippedAt,
    DateTime? ClosedAt,
    DateTime? CancelledAt,
    IReadOnlyList<ShipmentLineResponse> Lines
)
{
    public static ShipmentResponse From(ShipmentView view) =>
        new(
            view.Header.Id,
            view.Header.FulfillmentCenter,
            view.Header.Status,
            view.Header.CreatedAt,
            view.Header.UpdatedAt,
            view.Header.ShippedAt,
            view.Header.ClosedAt,
            view.Header.CancelledAt,
            view.Lines.Select(l => new ShipmentLineResponse(l.Fnsku, l.ExpectedUnits, l.CasePack, l.ReceivedSellable, l.ReceivedDamaged))
                .ToList()
        );
}
