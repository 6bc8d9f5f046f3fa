using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record RecommendationResponse(
    Guid Id,
    string Fnsku,
    StockKind StockKind,
    RecommendedAction Action,
    RecommendationStatus Status,
    int Quantity,
    decimal? MarkdownPercent,
    Money CurrentPrice,
    Money? RecommendedPrice,
    int? OldestAgeDays,
    Money ExpectedValue,
    Money KeepValue,
    IReadOnlyList<OptionResponse> Options,
    string Rationale,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? DecisionNote,
    Guid? OrderId
)
{
    public static RecommendationResponse From(RecommendationRecord record)
    {
        var r = record.Recommendation;
        Money M(decimal amount) => new(amount, r.Currency);
        return new RecommendationResponse(
            record.Id,
            r.Fnsku,
            r.StockKind,
            r.Action,
            record.Status,
            r.Quantity,
            r.MarkdownPercent,
            M(r.CurrentPrice),
            r.RecommendedPrice is { } price ? M(price) : null,
            r.OldestAgeDays,
            M(r.ExpectedValue),
            M(r.KeepValue),
            [
                .. r.Options.Select(o => new OptionResponse(
                    o.Action,
                    o.UnitsActedOn,
                    M(o.ExpectedValue),
                    o.UnitsSold,
                    M(o.SalesRevenue),
                    M(o.HoldingCost),
                    M(o.Recovery),
                    M(o.Fees),
                    o.UnitPrice is { } p ? M(p) : null,
                    o.MarkdownPercent,
                    o.Detail
                )),
            ],
            r.Rationale,
            record.CreatedAt,
            record.UpdatedAt,
            record.DecidedAt,
            record.DecidedBy,
            record.DecisionNote,
            record.OrderId
        );
    }
}
