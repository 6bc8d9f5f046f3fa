using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// Reads an FNSKU's return rate after each change of its figures and publishes <see cref="HighReturnRateDetected"/> (through the
/// outbox) when it crosses the threshold: once per crossing, not on every return. After a return or a sale it works in the
/// caller's transaction; the sweep of raised alarms owns its transactions.
/// </summary>
public sealed class ReturnRateAlarmHandler(
    Database database,
    ShippedLineRepository shipped,
    AnalyticsRepository analytics,
    Outbox outbox,
    HighReturnRatePolicy policy,
    TimeProvider time
)
{
    /// <summary>After units came back: the rate may have risen.</summary>
    public async Task AfterReturnAsync(UnitOfWork unit, string sellerId, string fnsku, Guid correlationId)
    {
        var now = time.GetUtcNow();
        var wasAbove = await analytics.LockAlertAsync(unit, sellerId, fnsku, now.UtcDateTime);
        await ReadAsync(unit, sellerId, fnsku, wasAbove, now, correlationId);
    }

    /// <summary>After a sale: the rate can only fall, so only an FNSKU whose alarm is raised is read again (to re-arm it).</summary>
    public async Task AfterSaleAsync(UnitOfWork unit, string sellerId, string fnsku, Guid correlationId)
    {
        if (await analytics.LockExistingAlertAsync(unit, sellerId, fnsku) == true)
        {
            await ReadAsync(unit, sellerId, fnsku, wasAbove: true, time.GetUtcNow(), correlationId);
        }
    }

    /// <summary>
    /// Reads raised alarms again, in batches: returns ageing out of the window lower a rate with no event to say so, and the
    /// alarm must re-arm for the next rise to be announced. Returns how many alarms were read.
    /// </summary>
    public async Task<int> SweepAsync(int batchSize, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = await database.InTransactionAsync(
                async unit =>
                {
                    var raised = await analytics.ClaimRaisedAlertsAsync(unit, started.UtcDateTime, batchSize);
                    foreach (var (sellerId, fnsku) in raised)
                    {
                        await ReadAsync(unit, sellerId, fnsku, wasAbove: true, time.GetUtcNow(), Guid.CreateVersion7());
                    }

                    return raised.Count;
                },
                cancellationToken
            );
            total += claimed;
            if (claimed < batchSize)
            {
                break;
            }
        }

        return total;
    }

    private async Task ReadAsync(UnitOfWork unit, string sellerId, string fnsku, bool wasAbove, DateTimeOffset now, Guid correlationId)
    {
        var from = now.AddDays(-policy.WindowDays).UtcDateTime;
        // The upper bound is exclusive; a tick past now includes what was recorded at this very instant.
        var to = now.UtcDateTime.AddTicks(1);
        var shippedUnits = await shipped.ShippedUnitsAsync(unit, sellerId, fnsku, from, to);
        var returnedUnits = await analytics.ReturnedUnitsAsync(unit, sellerId, fnsku, from, to);
        var reading = HighReturnRateAlarm.Evaluate(wasAbove, returnedUnits, shippedUnits, policy);
        await analytics.SaveAlertAsync(unit, sellerId, fnsku, reading.Above, reading.Rate, now.UtcDateTime);

        if (reading.Crossed)
        {
            await outbox.AddAsync(
                unit,
                new HighReturnRateDetected(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    fnsku,
                    reading.Rate!.Value,
                    policy.Threshold
                )
            );
        }
    }
}
