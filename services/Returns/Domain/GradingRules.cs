namespace InventoryPlatform.Returns.Domain;

/// <summary>
/// A seller's grading rules. Sealed sellable units always restock and damaged or defective units never do; what a seller
/// tunes is whether opened-but-like-new units restock (and for which product categories: none listed means all), and
/// where unsellable units go.
/// </summary>
public sealed record GradingRules(
    bool RestockOpenedLikeNew,
    IReadOnlyList<string> OpenedLikeNewCategories,
    Disposition OpenedNotRestocked,
    Disposition Damaged,
    Disposition Defective
)
{
    public static GradingRules Default { get; } = new(true, [], Disposition.Liquidate, Disposition.Liquidate, Disposition.RemoveToSeller);

    public const int MaxCategories = 50;

    public const int MaxCategoryLength = 50;

    /// <summary>Field errors of rules a seller submitted (field names as in the API).</summary>
    public static IEnumerable<(string Field, string Reason)> Check(
        IReadOnlyList<string?>? categories,
        Disposition? openedNotRestocked,
        Disposition? damaged,
        Disposition? defective
    )
    {
        if (categories is { Count: > MaxCategories })
        {
            yield return ("openedLikeNewCategories", $"At most {MaxCategories} categories.");
        }

        for (var i = 0; i < (categories?.Count ?? 0); i++)
        {
            var category = categories![i];
            if (string.IsNullOrWhiteSpace(category) || category.Length > MaxCategoryLength || category.Contains(','))
            {
                yield return (
                    $"openedLikeNewCategories[{i}]",
                    $"Must be a category name of 1-{MaxCategoryLength} characters without commas."
                );
            }
        }

        foreach (var (field, value) in new[] { ("openedNotRestocked", openedNotRestocked), ("damaged", damaged), ("defective", defective) })
        {
            if (value == Disposition.Restock)
            {
                yield return (field, "Units that are not sellable as new cannot restock: choose liquidate, removeToSeller or dispose.");
            }
        }
    }

    public bool AllowsOpenedRestock(string? category) =>
        RestockOpenedLikeNew
        && (
            OpenedLikeNewCategories.Count == 0
            || (category is not null && OpenedLikeNewCategories.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase))
        );
}
