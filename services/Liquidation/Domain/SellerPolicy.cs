namespace InventoryPlatform.Liquidation.Domain;

/// <summary>A seller's choice between approving each recommendation and automatic execution within limits.</summary>
public sealed record SellerPolicy(ExecutionMode Mode, decimal MaxMarkdownPercent, int MinAgeDays)
{
    public const int MaxAgeDays = 3650;

    public static SellerPolicy Default { get; } = new(ExecutionMode.Manual, 30m, 180);

    /// <summary>Whether the policy executes this recommendation without asking, and why (not).</summary>
    public (bool Allowed, string Reason) AllowsAutomatic(Recommendation recommendation)
    {
        if (Mode == ExecutionMode.Manual)
        {
            return (false, "The seller approves every recommendation.");
        }

        if (recommendation.Action == RecommendedAction.Keep)
        {
            return (false, "Nothing to execute.");
        }

        if ((recommendation.OldestAgeDays ?? 0) < MinAgeDays)
        {
            return (
                false,
                $"The oldest units are {recommendation.OldestAgeDays ?? 0} days old, under the policy's minimum of {MinAgeDays}."
            );
        }

        if (
            recommendation.MarkdownPercent is { } cut
            && recommendation.Action is RecommendedAction.Markdown or RecommendedAction.Promotion
            && cut > MaxMarkdownPercent
        )
        {
            return (false, $"The {cut} % price cut exceeds the policy's maximum markdown of {MaxMarkdownPercent} %.");
        }

        return (true, "Within the seller's automatic limits.");
    }

    public static IEnumerable<(string Field, string Reason)> Check(ExecutionMode? mode, decimal? maxMarkdownPercent, int? minAgeDays)
    {
        if (mode is null)
        {
            yield return ("mode", "Is required: manual or automatic.");
        }

        if (maxMarkdownPercent is not (>= 0 and <= 90))
        {
            yield return ("maxMarkdownPercent", "Is required, 0-90.");
        }

        if (minAgeDays is not (>= 0 and <= MaxAgeDays))
        {
            yield return ("minAgeDays", $"Is required, 0-{MaxAgeDays} days.");
        }
    }
}
