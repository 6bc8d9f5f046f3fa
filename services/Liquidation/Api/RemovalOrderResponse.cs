using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record RemovalOrderResponse(
    Guid Id,
    Guid? RecommendationId,
    string Fnsku,
    RemovalKind Kind,
    RemovalOrderStatus Status,
    bool FromUnfulfillable,
    int Quantity,
    IReadOnlyList<RemovalOrderLine> Lines,
    Money ExpectedRecovery,
    Money ExpectedFees,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string? CancelReason
)
{
    public static RemovalOrderResponse From(RemovalOrderRecord o) =>
        new(
            o.Id,
            o.RecommendationId,
            o.Fnsku,
            o.Kind,
            o.Status,
            o.FromUnfulfillable,
            o.Quantity,
            o.Lines,
            new Money(o.ExpectedRecovery, o.Currency),
            new Money(o.ExpectedFees, o.Currency),
            o.CreatedAt,
            o.UpdatedAt,
            o.CompletedAt,
            o.CancelReason
        );
}
