using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Api;

/// <summary>
/// Reads an FNSKU's return rate after each change of its figures and publishes <see cref="HighReturnRateDetected"/> (through the
/// outbox, in the caller's transaction) when it crosses the threshold: once per crossing, not on every return.
/// </summary>
public sealed class ReturnRateWatch(
    ShippedLineRepository shipped, AnalyticsRepository analytics, Outbox outbox, HighReturnRatePolicy policy, TimeProvider time)
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

    private async Task ReadAsync(UnitOfWork unit, string sellerId, string fnsku, bool wasAbove, DateTimeOffset now, Guid correlationId)
    {
        var from = now.AddDays(-policy.WindowDays).UtcDateTime;
        // The upper bound is exclusive; a tick past now includes what was recorded at this very instant.
        var to = now.UtcDateTime.AddTicks(1);
        var shippedUnits = await shipped.ShippedUnitsAsync(unit, sellerId, fnsku, from, to);
        var returnedUnits = await analytics.ReturnedUnitsAsync(unit, sellerId, fnsku, from, to);
        var reading = HighReturnRateAlarm.Evaluate(wasAbove, returnedUnits, shippedUnits, policy);
        if (reading.Above != wasAbove)
        {
            await analytics.SaveAlertAsync(unit, sellerId, fnsku, reading.Above, reading.Rate, now.UtcDateTime);
        }

        if (reading.Crossed)
        {
            await outbox.AddAsync(unit, new HighReturnRateDetected(
                Guid.CreateVersion7(), now, sellerId, correlationId, fnsku, reading.Rate!.Value, policy.Threshold));
        }
    }
}
