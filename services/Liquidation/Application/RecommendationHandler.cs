using System.Globalization;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>
/// Raises recommendations from the current stock picture (<c>LiquidationRecommended</c> when one is new to act on), and executes
/// approved ones (<c>LiquidationRecommendationExecuted</c>): a markdown or deal publishes <c>PriceMarkdownRecommended</c>;
/// liquidation, removal and disposal create an order. Everything for one seller runs
/// under the seller's policy row lock, state and events in one transaction.
/// </summary>
public sealed class RecommendationHandler(
    Database database,
    StockRepository stock,
    StockAnalysis analysis,
    RecommendationRepository recommendations,
    RemovalOrderRepository orders,
    PolicyRepository policies,
    Outbox outbox,
    LiquidationSettings settings,
    TimeProvider time
)
{
    public const string BySeller = "Seller";
    public const string ByPolicy = "Policy";

    public async Task<IReadOnlyList<RecommendationRecord>> RecomputeAsync(
        string sellerId,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var figures = await analysis.FiguresAsync(sellerId, now, cancellationToken);
        return await database.InTransactionAsync<IReadOnlyList<RecommendationRecord>>(
            async unit =>
            {
                var policy = await policies.LockAsync(unit, sellerId, now.UtcDateTime);
                var open = await orders.OpenAsync(unit, sellerId);
                var raised = new List<RecommendationRecord>();
                foreach (var picture in analysis.Pictures(await stock.LotsAsync(unit, sellerId, null), figures, now))
                {
                    if (picture.Item is null)
                    {
                        // Without ItemRegistered there is no price or size to weigh options with; the reports still show the stock.
                        continue;
                    }

                    if (picture.Sellable.Total > 0 && !open.Contains((picture.Fnsku, false)))
                    {
                        var situation = new ItemSituation(
                            picture.Fnsku,
                            picture.Item,
                            picture.LotsOf(StockKind.Sellable),
                            picture.Excess,
                            now
                        );
                        raised.AddRange(
                            await RaiseAsync(
                                unit,
                                sellerId,
                                policy,
                                RecommendationEngine.ForSellable(situation, settings),
                                correlationId,
                                now
                            )
                        );
                    }

                    if (picture.Unfulfillable.Total > 0 && !open.Contains((picture.Fnsku, true)))
                    {
                        var recommendation = RecommendationEngine.ForUnfulfillable(
                            picture.Fnsku,
                            picture.Item,
                            picture.LotsOf(StockKind.Unfulfillable),
                            now,
                            settings
                        );
                        raised.AddRange(await RaiseAsync(unit, sellerId, policy, recommendation, correlationId, now));
                    }
                }

                return raised;
            },
            cancellationToken
        );
    }

    /// <summary>The seller approves: executed now. Null when there is no such recommendation.</summary>
    public async Task<RecommendationRecord?> ApproveAsync(UnitOfWork unit, string sellerId, Guid id, string? note, Guid correlationId)
    {
        var now = time.GetUtcNow();
        await policies.LockAsync(unit, sellerId, now.UtcDateTime);
        var record = await recommendations.LockAsync(unit, sellerId, id);
        if (record is null)
        {
            return null;
        }

        if (record.Status != RecommendationStatus.Proposed)
        {
            throw new StateConflictException(
                record.Status == RecommendationStatus.Informational
                    ? "The recommendation is to keep the stock: there is nothing to approve."
                    : $"The recommendation was already {record.Status.ToString().ToLowerInvariant()}."
            );
        }

        return await ExecuteAsync(unit, record, BySeller, note, correlationId, now);
    }

    /// <summary>The seller rejects: none is raised again for that stock for the quiet period. Null when there is no such
    /// recommendation.</summary>
    public Task<RecommendationRecord?> RejectAsync(string sellerId, Guid id, string? note, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => RejectAsync(unit, sellerId, id, note), cancellationToken);

    private async Task<RecommendationRecord?> RejectAsync(UnitOfWork unit, string sellerId, Guid id, string? note)
    {
        var now = time.GetUtcNow();
        var record = await recommendations.LockAsync(unit, sellerId, id);
        if (record is null)
        {
            return null;
        }

        if (record.Status != RecommendationStatus.Proposed)
        {
            throw new StateConflictException(
                $"Only a proposed recommendation can be rejected; this one is {record.Status.ToString().ToLowerInvariant()}."
            );
        }

        await recommendations.DecideAsync(unit, id, RecommendationStatus.Rejected, now.UtcDateTime, BySeller, note, null);
        return record with
        {
            Status = RecommendationStatus.Rejected,
            DecidedAt = now.UtcDateTime,
            DecidedBy = BySeller,
            DecisionNote = note,
            UpdatedAt = now.UtcDateTime,
        };
    }

    private async Task<IEnumerable<RecommendationRecord>> RaiseAsync(
        UnitOfWork unit,
        string sellerId,
        SellerPolicy policy,
        Recommendation recommendation,
        Guid correlationId,
        DateTimeOffset now
    )
    {
        var rejectedAt = await recommendations.LastRejectedAtAsync(unit, sellerId, recommendation.Fnsku, recommendation.StockKind);
        if (rejectedAt is { } at && at > now.UtcDateTime.AddDays(-settings.RejectionQuietDays))
        {
            return [];
        }

        var status = recommendation.Action == RecommendedAction.Keep ? RecommendationStatus.Informational : RecommendationStatus.Proposed;
        var current = await recommendations.CurrentAsync(unit, sellerId, recommendation.Fnsku, recommendation.StockKind);
        RecommendationRecord record;
        if (current is null)
        {
            record = new RecommendationRecord(
                Guid.CreateVersion7(),
                sellerId,
                status,
                recommendation,
                now.UtcDateTime,
                now.UtcDateTime,
                null,
                null,
                null,
                null
            );
            await recommendations.InsertAsync(unit, record.Id, sellerId, status, recommendation, now.UtcDateTime);
        }
        else
        {
            record = current with { Status = status, Recommendation = recommendation, UpdatedAt = now.UtcDateTime };
            await recommendations.RefreshAsync(unit, current.Id, sellerId, status, recommendation, now.UtcDateTime);
        }

        if (RecommendationNews.IsNews(current?.Status, current?.Recommendation.Action, status, recommendation.Action))
        {
            await outbox.AddAsync(unit, Recommended(record, correlationId, now));
        }

        if (status == RecommendationStatus.Proposed && policy.AllowsAutomatic(recommendation) is (true, var reason))
        {
            record = await ExecuteAsync(unit, record, ByPolicy, reason, correlationId, now);
        }

        return [record];
    }

    private async Task<RecommendationRecord> ExecuteAsync(
        UnitOfWork unit,
        RecommendationRecord record,
        string decidedBy,
        string? note,
        Guid correlationId,
        DateTimeOffset now
    )
    {
        var r = record.Recommendation;
        Guid? orderId = null;
        switch (r.Action)
        {
            case RecommendedAction.Markdown or RecommendedAction.Promotion:
                var kind = r.Action == RecommendedAction.Markdown ? "Markdown" : "Promotion";
                await outbox.AddAsync(
                    unit,
                    new PriceMarkdownRecommended(
                        Guid.CreateVersion7(),
                        now,
                        record.SellerId,
                        correlationId,
                        r.Fnsku,
                        new Money(r.CurrentPrice, r.Currency),
                        new Money(r.RecommendedPrice ?? r.CurrentPrice, r.Currency),
                        $"{kind} of {(r.MarkdownPercent ?? 0).ToString("0.#", CultureInfo.InvariantCulture)} %: {r.Rationale}"
                    )
                );
                await PublishApprovalAsync(unit, record, correlationId, now);
                break;
            case RecommendedAction.Liquidate or RecommendedAction.RemoveToSeller or RecommendedAction.Dispose:
                orderId = await CreateOrderAsync(unit, record, correlationId, now);
                break;
            default:
                throw new StateConflictException("The recommendation is to keep the stock: there is nothing to execute.");
        }

        await recommendations.DecideAsync(unit, record.Id, RecommendationStatus.Approved, now.UtcDateTime, decidedBy, note, orderId);
        await outbox.AddAsync(
            unit,
            new LiquidationRecommendationExecuted(
                Guid.CreateVersion7(),
                now,
                record.SellerId,
                correlationId,
                record.Id,
                r.Fnsku,
                r.StockKind == StockKind.Unfulfillable,
                r.Action.ToString(),
                r.Quantity,
                decidedBy,
                orderId
            )
        );
        return record with
        {
            Status = RecommendationStatus.Approved,
            DecidedAt = now.UtcDateTime,
            DecidedBy = decidedBy,
            DecisionNote = note,
            OrderId = orderId,
            UpdatedAt = now.UtcDateTime,
        };
    }

    private static LiquidationRecommended Recommended(RecommendationRecord record, Guid correlationId, DateTimeOffset now)
    {
        var r = record.Recommendation;
        return new LiquidationRecommended(
            Guid.CreateVersion7(),
            now,
            record.SellerId,
            correlationId,
            record.Id,
            r.Fnsku,
            r.StockKind == StockKind.Unfulfillable,
            r.Action.ToString(),
            r.Quantity,
            r.MarkdownPercent,
            new Money(r.CurrentPrice, r.Currency),
            r.RecommendedPrice is { } price ? new Money(price, r.Currency) : null,
            new Money(r.ExpectedValue, r.Currency),
            r.Rationale
        );
    }

    /// <summary>
    /// What the approval changes elsewhere: a markdown is the item's new list price (Receiving's catalogue); a deal is a
    /// promotion from today for the configured days in Forecasting's calendar.
    /// </summary>
    private Task PublishApprovalAsync(UnitOfWork unit, RecommendationRecord record, Guid correlationId, DateTimeOffset now)
    {
        var r = record.Recommendation;
        var newPrice = new Money(r.RecommendedPrice ?? r.CurrentPrice, r.Currency);
        if (r.Action == RecommendedAction.Markdown)
        {
            return outbox.AddAsync(
                unit,
                new MarkdownApproved(
                    Guid.CreateVersion7(),
                    now,
                    record.SellerId,
                    correlationId,
                    record.Id,
                    r.Fnsku,
                    new Money(r.CurrentPrice, r.Currency),
                    newPrice,
                    r.MarkdownPercent ?? 0
                )
            );
        }

        var startsOn = DateOnly.FromDateTime(now.UtcDateTime);
        return outbox.AddAsync(
            unit,
            new PromotionApproved(
                Guid.CreateVersion7(),
                now,
                record.SellerId,
                correlationId,
                record.Id,
                r.Fnsku,
                startsOn,
                startsOn.AddDays(settings.Promotion.Days - 1),
                r.MarkdownPercent ?? settings.Promotion.DiscountPercent,
                newPrice,
                settings.Promotion.DemandLift
            )
        );
    }

    private async Task<Guid> CreateOrderAsync(UnitOfWork unit, RecommendationRecord record, Guid correlationId, DateTimeOffset now)
    {
        var r = record.Recommendation;
        var lots = (await stock.LotsAsync(unit, record.SellerId, r.Fnsku))
            .Where(l => l.StockKind == r.StockKind && !l.InTransit)
            .Select(l => (l.FulfillmentCenter, l.Lot));
        var lines = RemovalOrders.PickOldest(lots, r.Quantity);
        var quantity = lines.Sum(l => l.Quantity);
        if (quantity == 0)
        {
            throw new StateConflictException($"No {r.StockKind.ToString().ToLowerInvariant()} units of {r.Fnsku} are left to act on.");
        }

        var option = r.Options.FirstOrDefault(o => o.Action == r.Action);
        var share = r.Quantity == 0 ? 1m : (decimal)quantity / r.Quantity;
        var order = new RemovalOrderRecord(
            Guid.CreateVersion7(),
            record.SellerId,
            record.Id,
            r.Fnsku,
            RemovalOrders.KindOf(r.Action),
            RemovalOrderStatus.Pending,
            r.StockKind == StockKind.Unfulfillable,
            quantity,
            Math.Round((option?.Recovery ?? 0) * share, 2),
            Math.Round((option?.Fees ?? 0) * share, 2),
            r.Currency,
            correlationId,
            now.UtcDateTime,
            now.UtcDateTime,
            null,
            null,
            [.. lines.Select(l => new RemovalOrderLine(l.FulfillmentCenter, l.Quantity))]
        );
        await orders.InsertAsync(unit, order);
        // Allocation holds the order's sellable units (pending removal) until it completes or is cancelled.
        await outbox.AddAsync(
            unit,
            new RemovalOrderOpened(
                Guid.CreateVersion7(),
                now,
                order.SellerId,
                correlationId,
                order.Id,
                order.Fnsku,
                order.FromUnfulfillable,
                [.. order.Lines.Select(l => new RemovalLine(l.FulfillmentCenter, l.Quantity))]
            )
        );
        return order.Id;
    }
}
