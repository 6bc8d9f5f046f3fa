using System.Data.Common;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// Records scans into a shipment: each unit id once in the whole network, the shipment's received counts,
/// each sellable unit's bin, and <see cref="UnitsReceived"/> per FNSKU and condition in the outbox, all in one transaction.
/// </summary>
public sealed class RecordScansHandler(
    Database database,
    ShipmentRepository shipments,
    PutawayPlanner putaway,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// Records the scans; <paramref name="fieldPrefix"/> names the list the scans came in ("scans"), or is empty for a single
    /// scan, so each error names the field it is about.
    /// </summary>
    public async Task<RecordScansResult> HandleAsync(
        string sellerId,
        Guid shipmentId,
        IReadOnlyList<(string? UnitId, string? Fnsku, UnitCondition? Condition)> requests,
        string fieldPrefix,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        var errors = new List<(string Field, string Reason)>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].Condition is null)
            {
                errors.Add((Field(fieldPrefix, requests.Count, i, "condition"), "Is required: sellable or damaged."));
            }
        }

        var scans = requests.Select(r => new Scan(r.UnitId ?? "", r.Fnsku ?? "", r.Condition ?? UnitCondition.Sellable)).ToList();
        try
        {
            return await RecordAsync(sellerId, shipmentId, scans, errors, fieldPrefix, correlationId, oneByOne: false, cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.IsUniqueViolation(exception))
        {
            // A scan into another shipment recorded one of these unit ids at the same moment: record unit by unit.
            return await RecordAsync(sellerId, shipmentId, scans, [], fieldPrefix, correlationId, oneByOne: true, cancellationToken);
        }
    }

    private Task<RecordScansResult> RecordAsync(
        string sellerId,
        Guid shipmentId,
        List<Scan> scans,
        IReadOnlyList<(string Field, string Reason)> inputErrors,
        string fieldPrefix,
        Guid correlationId,
        bool oneByOne,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<RecordScansResult>(
            async unit =>
            {
                var locked = await shipments.LockAsync(unit, sellerId, shipmentId);
                if (locked is not { } shipment)
                {
                    return new RecordScansResult.ShipmentNotFound();
                }

                if (!ShipmentLifecycle.AcceptsScans(shipment.Header.Status))
                {
                    return new RecordScansResult.NotAcceptingScans(shipment.Header.Status);
                }

                var onShipment = shipment.Lines.Select(l => l.Fnsku).ToHashSet(StringComparer.Ordinal);
                var errors = inputErrors.Concat(ScanRules.Check(scans, onShipment, fieldPrefix)).ToList();
                if (errors.Count > 0)
                {
                    return new RecordScansResult.Invalid(errors);
                }

                var now = time.GetUtcNow();
                var records = scans
                    .Select(s => new UnitRecord(
                        s.UnitId,
                        shipmentId,
                        s.Fnsku,
                        shipment.Header.FulfillmentCenter,
                        s.Condition,
                        now.UtcDateTime
                    ))
                    .ToList();
                var recorded = new List<Scan>();
                var repeated = new List<string>();
                var fresh = oneByOne
                    ? null
                    : new HashSet<string>(await shipments.RecordNewUnitsAsync(unit, sellerId, records), StringComparer.Ordinal);
                for (var i = 0; i < scans.Count; i++)
                {
                    // Remove, so a unit id that appears twice in the batch counts once.
                    var isNew = fresh?.Remove(scans[i].UnitId) ?? await shipments.TryRecordUnitAsync(unit, sellerId, records[i]);
                    if (isNew)
                    {
                        recorded.Add(scans[i]);
                    }
                    else
                    {
                        repeated.Add(scans[i].UnitId);
                    }
                }

                foreach (var (fnsku, condition, unitIds) in ScanRules.GroupForEvents(recorded))
                {
                    var sellable = condition == UnitCondition.Sellable ? unitIds.Count : 0;
                    await shipments.AddReceivedAsync(unit, shipmentId, fnsku, sellable, unitIds.Count - sellable);
                    await outbox.AddAsync(
                        unit,
                        new UnitsReceived(
                            Guid.CreateVersion7(),
                            now,
                            sellerId,
                            correlationId,
                            shipmentId,
                            shipment.Header.FulfillmentCenter,
                            fnsku,
                            condition,
                            unitIds.Count,
                            unitIds
                        )
                    );
                }

                if (recorded.Count > 0 && shipment.Header.Status != ShipmentStatus.Receiving)
                {
                    await shipments.SetStatusAsync(unit, shipmentId, ShipmentStatus.Receiving, now.UtcDateTime);
                }

                // Last, so the bin rows it updates stay locked for as short a time as possible.
                await putaway.StowAsync(unit, sellerId, shipment.Header.FulfillmentCenter, recorded);
                return new RecordScansResult.Recorded(recorded.Count, repeated);
            },
            cancellationToken
        );

    private static string Field(string prefix, int count, int index, string name) =>
        prefix.Length == 0 && count == 1 ? name : $"{prefix}[{index}].{name}";
}
