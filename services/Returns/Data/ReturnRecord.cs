using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

public sealed record ReturnRecord(
    Guid Id,
    string SellerId,
    bool Unexpected,
    Guid? OrderId,
    string Fnsku,
    string? Marketplace,
    ReturnReason? Reason,
    int AuthorizedQuantity,
    int ReceivedUnits,
    int GradedUnits,
    DateTime? WindowClosesAt,
    DateTime CreatedAt,
    DateTime UpdatedAt
)
{
    public ReturnStatus Status => ReturnProgress.StatusOf(Unexpected, AuthorizedQuantity, ReceivedUnits, GradedUnits);
}
