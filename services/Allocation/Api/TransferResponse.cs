using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record TransferResponse(
    Guid Id,
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity,
    TransferStatus Status,
    TransferOrigin Origin,
    DateTime RequestedAt,
    DateTime? ReceivedAt
)
{
    public static TransferResponse From(TransferRecord t) =>
        new(t.Id, t.Fnsku, t.FromFulfillmentCenter, t.ToFulfillmentCenter, t.Quantity, t.Status, t.Origin, t.RequestedAt, t.ReceivedAt);
}
