namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// When partners hear of a recommendation: when it becomes one to act on (new, or a kept item now worth acting on), or its
/// action changes. A recompute that proposes the same action again (the quantity or numbers refreshed) is no news.
/// </summary>
public static class RecommendationNews
{
    public static bool IsNews(
        RecommendationStatus? before,
        RecommendedAction? actionBefore,
        RecommendationStatus after,
        RecommendedAction action
    ) => after == RecommendationStatus.Proposed && (before != RecommendationStatus.Proposed || actionBefore != action);
}
