using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Data;

namespace InventoryPlatform.Returns.Application;

/// <summary>
/// Receives returned units at an FC's returns dock: the units, the return they count for and the return rate they change are
/// written in one transaction, with <see cref="ReturnReceived"/> for partners when new units arrived (a receipt of units all
/// scanned before announces nothing).
/// </summary>
public sealed class ReceiveReturnedUnitsHandler(
    Database database,
    ReturnRepository returns,
    ReturnRateAlarmHandler alarms,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// Records each unit id once (a repeat, in this request or any earlier one, is reported and not counted again). Units with no
    /// authorization open an unexpected return, flagged; units beyond what a return authorized are received and flagged too.
    /// </summary>
    public Task<ReceiptOutcome> HandleAsync(
        string sellerId,
        Guid? returnId,
        string? fnsku,
        string fulfillmentCenter,
        IReadOnlyList<string> unitIds,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                ReturnRecord? target = null;
                if (returnId is { } id)
                {
                    target = await returns.LockAsync(unit, sellerId, id)
                        ?? throw new ReturnRefusedException(
                            StatusCodes.Status404NotFound,
                            "Return not found.",
                            "returnId",
                            $"No return {id} exists for this seller."
                        );
                    if (fnsku is not null && !string.Equals(fnsku, target.Fnsku, StringComparison.Ordinal))
                    {
                        throw new ReturnRefusedException(
                            StatusCodes.Status422UnprocessableEntity,
                            "Wrong item for this return.",
                            "fnsku",
                            $"Return {id} is for {target.Fnsku}, not {fnsku}."
                        );
                    }
                }

                var distinct = unitIds.Distinct(StringComparer.Ordinal).ToList();
                var known = await returns.KnownUnitsAsync(unit, distinct);
                var fresh = distinct.Where(u => !known.ContainsKey(u)).ToList();
                var repeated = unitIds
                    .Where((u, i) => known.ContainsKey(u) || unitIds.Take(i).Contains(u, StringComparer.Ordinal))
                    .ToList();
                if (fresh.Count == 0)
                {
                    return new ReceiptOutcome(target?.Id ?? known.Values.FirstOrDefault(), target?.Unexpected ?? true, 0, repeated, []);
                }

                var now = time.GetUtcNow().UtcDateTime;
                if (target is null)
                {
                    target = new ReturnRecord(Guid.CreateVersion7(), sellerId, true, null, fnsku!, null, null, 0, 0, 0, null, now, now);
                    await returns.CreateAsync(unit, target);
                }

                var room = target.Unexpected ? int.MaxValue : Math.Max(target.AuthorizedQuantity - target.ReceivedUnits, 0);
                var accepted = 0;
                var beyond = new List<string>();
                foreach (var unitId in fresh)
                {
                    var isBeyond = accepted >= room;
                    if (
                        await returns.TryRecordUnitAsync(
                            unit,
                            sellerId,
                            new ReturnedUnit(unitId, target.Id, target.Fnsku, fulfillmentCenter, isBeyond, now, null, null)
                        )
                    )
                    {
                        accepted++;
                        if (isBeyond)
                        {
                            beyond.Add(unitId);
                        }
                    }
                    else
                    {
                        repeated.Add(unitId);
                    }
                }

                await returns.AddReceivedAsync(unit, target.Id, accepted, now);
                if (accepted > 0)
                {
                    await outbox.AddAsync(
                        unit,
                        new ReturnReceived(
                            Guid.CreateVersion7(),
                            new DateTimeOffset(now),
                            sellerId,
                            correlationId,
                            target.Id,
                            target.OrderId,
                            target.Fnsku,
                            fulfillmentCenter,
                            accepted,
                            target.Unexpected,
                            beyond.Count
                        )
                    );
                }

                await alarms.AfterReturnAsync(unit, sellerId, target.Fnsku, correlationId);
                return new ReceiptOutcome(target.Id, target.Unexpected, accepted, repeated, beyond);
            },
            cancellationToken
        );
}
