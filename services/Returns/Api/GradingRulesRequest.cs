using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

/// <summary>
/// A seller's grading rules. Sealed sellable units always restock, damaged and defective units never do; the seller decides whether
/// opened-but-like-new units restock (for the listed categories, or all when none are listed) and where unsellable units go.
/// </summary>
public sealed record GradingRulesRequest(
    bool? RestockOpenedLikeNew,
    IReadOnlyList<string?>? OpenedLikeNewCategories,
    Disposition? OpenedNotRestocked,
    Disposition? Damaged,
    Disposition? Defective
);
