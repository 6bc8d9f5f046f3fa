using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Data;

public sealed record ShipmentHeader(
    Guid Id,
    string SellerId,
    string FulfillmentCenter,
    ShipmentStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt
)
{
    public DateTime? ShippedAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    public DateTime? CancelledAt { get; init; }
}
