using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed record RemovalOrderRecord(
    Guid Id,
    string SellerId,
    Guid? RecommendationId,
    string Fnsku,
    RemovalKind Kind,
    RemovalOrderStatus Status,
    bool FromUnfulfillable,
    int Quantity,
    decimal ExpectedRecovery,
    decimal ExpectedFees,
    string Currency,
    Guid CorrelationId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string? CancelReason,
    IReadOnlyList<RemovalOrderLine> Lines
);
