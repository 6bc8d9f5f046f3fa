using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

public sealed record GradingRulesResponse(
    bool RestockOpenedLikeNew,
    IReadOnlyList<string> OpenedLikeNewCategories,
    Disposition OpenedNotRestocked,
    Disposition Damaged,
    Disposition Defective,
    bool IsDefault,
    DateTime? UpdatedAt
)
{
    public static GradingRulesResponse From(GradingRules rules, DateTime? updatedAt) =>
        new(
            rules.RestockOpenedLikeNew,
            rules.OpenedLikeNewCategories,
            rules.OpenedNotRestocked,
            rules.Damaged,
            rules.Defective,
            updatedAt is null,
            updatedAt
        );
}
