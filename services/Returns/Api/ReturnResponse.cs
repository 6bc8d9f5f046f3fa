using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

/// <summary>
/// A return. <c>unexpected</c> is true for units that arrived without an authorization (no order, reason or window); they are
/// received and flagged rather than dropped.
/// </summary>
public sealed record ReturnResponse(
    Guid Id,
    Guid? OrderId,
    string Fnsku,
    string? Marketplace,
    ReturnReason? Reason,
    bool Unexpected,
    ReturnStatus Status,
    int AuthorizedQuantity,
    int ReceivedUnits,
    int GradedUnits,
    DateTime? WindowClosesAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ReturnedUnitResponse>? Units
)
{
    public static ReturnResponse From(ReturnRecord r, IReadOnlyList<ReturnedUnit>? units = null) =>
        new(
            r.Id,
            r.OrderId,
            r.Fnsku,
            r.Marketplace,
            r.Reason,
            r.Unexpected,
            r.Status,
            r.AuthorizedQuantity,
            r.ReceivedUnits,
            r.GradedUnits,
            r.WindowClosesAt,
            r.CreatedAt,
            r.UpdatedAt,
            units
                ?.Select(u => new ReturnedUnitResponse(
                    u.UnitId,
                    u.FulfillmentCenter,
                    u.ReceivedAt,
                    u.BeyondAuthorization,
                    u.Grade,
                    u.InspectionId
                ))
                .ToList()
        );
}
