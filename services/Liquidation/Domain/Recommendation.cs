namespace InventoryPlatform.Liquidation.Domain;

/// <summary>The chosen action with the numbers behind it.</summary>
public sealed record Recommendation(
    string Fnsku,
    StockKind StockKind,
    RecommendedAction Action,
    int Quantity,
    decimal? MarkdownPercent,
    decimal CurrentPrice,
    decimal? RecommendedPrice,
    string Currency,
    int? OldestAgeDays,
    decimal ExpectedValue,
    decimal KeepValue,
    IReadOnlyList<OptionValue> Options,
    string Rationale
);
