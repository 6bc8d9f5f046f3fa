using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Limits.Application;

/// <summary>
/// Recomputes one seller: KPIs of the last 90 days → score → limits per storage type (published with CapacityLimitsUpdated
/// when they or the score changed) → overage against the new limits (StorageLimitExceeded when the seller goes over). The
/// scheduled job and the on-demand endpoint both use it.
/// </summary>
public sealed class RecomputeLimitsHandler(
    Database database,
    SellerAccounts accounts,
    UsageRepository usage,
    ActivityRepository activity,
    NetworkCapacity network,
    PerformanceRepository performance,
    Outbox outbox,
    LimitsOptions options,
    TimeProvider time
)
{
    public const int ScoreWindowDays = 90;

    public async Task<RecomputeResult> RecomputeAsync(string sellerId, Guid correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var windowStart = today.AddDays(1 - ScoreWindowDays);
        var kpis = Kpis.Report(
            await activity.LoadAsync(sellerId, windowStart, today, options.ExcessCoverDays, options.LateShipmentHours, cancellationToken)
        );
        var inputs = new ScoreInputs(kpis.ExcessShare, kpis.SellThroughRate90Days, kpis.StrandedShare, kpis.InStockRate);
        var score = PerformanceScoring.Compute(inputs);
        var recent = await activity.ShippedVolumeAsync(sellerId, windowStart, today, cancellationToken);
        var lastYear = await activity.ShippedVolumeAsync(
            sellerId,
            today.AddYears(-1),
            today.AddYears(-1).AddDays(ScoreWindowDays - 1),
            cancellationToken
        );
        var freeShare = await FreeShareAsync(cancellationToken);

        return await database.InTransactionAsync(
            async unit =>
            {
                var account = await accounts.LockAsync(unit, sellerId, correlationId);
                var isNew = now.UtcDateTime - account.CreatedAt < TimeSpan.FromDays(options.NewSellerDays);
                var current = await accounts.LimitsAsync(unit, sellerId);
                var limits = VolumeByType
                    .AllTypes.Select(t => new StorageLimit(
                        t,
                        LimitDerivation.Derive(
                            new LimitInputs(t, score.Score, isNew, recent[t], lastYear[t], freeShare[t]),
                            options.BoundsFor(t)
                        )
                    ))
                    .ToList();
                var changed = limits.Any(l => current[l.StorageType] != l.LimitCubicFeet) || account.PerformanceScore != score.Score;
                if (changed)
                {
                    await accounts.SetLimitsAsync(unit, sellerId, limits, score.Score, correlationId);
                }

                // Overage is what is physically stored beyond the limit; inbound capacity was granted under the old limit and is not
                // charged.
                var (stored, _) = await usage.UsageAsync(unit, sellerId);
                var overages = new List<Overage>();
                foreach (var limit in limits)
                {
                    if (
                        Overages.Check(
                            limit.StorageType,
                            limit.LimitCubicFeet,
                            stored[limit.StorageType],
                            options.OverageFeePerCubicFootPerMonth
                        ) is
                        { } overage
                    )
                    {
                        overages.Add(overage);
                        await performance.SaveOverageAsync(unit, sellerId, today, overage, options.OverageCurrency, now.UtcDateTime);
                    }
                    else
                    {
                        await performance.ClearOverageAsync(unit, sellerId, today, limit.StorageType);
                    }
                }

                if (Overages.GoesOver(account.OverLimit, overages))
                {
                    await outbox.AddAsync(
                        unit,
                        new StorageLimitExceeded(
                            Guid.CreateVersion7(),
                            now,
                            sellerId,
                            correlationId,
                            overages
                                .Select(o => new StorageOverage(
                                    o.StorageType,
                                    o.LimitCubicFeet,
                                    o.UsedCubicFeet,
                                    o.OverageCubicFeet,
                                    new Money(o.DailyFee, options.OverageCurrency)
                                ))
                                .ToList()
                        )
                    );
                }

                await accounts.SetScoreAsync(unit, sellerId, score.Score, overages.Count > 0);
                await performance.SaveScoreAsync(unit, sellerId, today, inputs, score.Score, now.UtcDateTime);
                return new RecomputeResult(sellerId, score, isNew, limits, changed, overages, now.UtcDateTime);
            },
            cancellationToken
        );
    }

    /// <summary>The free share of the network's capacity per storage type (1 where no capacity is configured: nothing to share
    /// out).</summary>
    public async Task<Dictionary<StorageType, double>> FreeShareAsync(CancellationToken cancellationToken)
    {
        var capacities = await network.ListAsync(cancellationToken);
        var occupancy = await network.OccupancyAsync(cancellationToken);
        return VolumeByType.AllTypes.ToDictionary(
            t => t,
            t =>
            {
                var capacity = capacities.Where(c => c.StorageType == t).Sum(c => c.CapacityCubicFeet);
                var occupied = occupancy.Where(o => o.StorageType == t).Sum(o => o.StoredCubicFeet + o.InboundCubicFeet);
                return capacity <= 0 ? 1.0 : Math.Max(0, 1 - Kpis.Utilization(occupied, capacity));
            }
        );
    }
}
