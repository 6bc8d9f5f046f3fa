using System.Data.Common;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

/// <summary>
/// Records scans into a shipment: each unit id once in the whole network, the shipment's received counts,
/// each sellable unit's bin, and <see cref="UnitsReceived"/> per FNSKU and condition in the outbox, all in one transaction.
/// </summary>
public sealed class ScanIntake(Database database, ShipmentRepository shipments, PutawayPlanner putaway, Outbox outbox, TimeProvider time)
{
    public async Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Seller seller,
        Guid shipmentId,
        IReadOnlyList<ScanRequest> requests,
        string fieldPrefix,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        var validation = new Validation();
        for (var i = 0; i < requests.Count; i++)
        {
            validation.Require(
                requests[i].Condition is not null,
                Field(fieldPrefix, requests.Count, i, "condition"),
                "Is required: sellable or damaged."
            );
        }

        var scans = requests.Select(r => new Scan(r.UnitId ?? "", r.Fnsku ?? "", r.Condition ?? UnitCondition.Sellable)).ToList();
        try
        {
            return await RecordAsync(seller, shipmentId, scans, validation, fieldPrefix, correlationId, oneByOne: false, cancellationToken);
        }
        catch (DbException exception) when (database.Dialect.IsUniqueViolation(exception))
        {
            // A scan into another shipment recorded one of these unit ids at the same moment: record unit by unit.
            return await RecordAsync(
                seller,
                shipmentId,
                scans,
                new Validation(),
                fieldPrefix,
                correlationId,
                oneByOne: true,
                cancellationToken
            );
        }
    }

    private Task<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Seller seller,
        Guid shipmentId,
        List<Scan> scans,
        Validation validation,
        string fieldPrefix,
        Guid correlationId,
        bool oneByOne,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>>(
            async unit =>
            {
                var locked = await shipments.LockAsync(unit, seller.Id, shipmentId);
                if (locked is not { } shipment)
                {
                    return Problems.NotFound("Shipment", shipmentId.ToString());
                }

                if (!ShipmentLifecycle.AcceptsScans(shipment.Header.Status))
                {
                    return Problems.Conflict(
                        "Shipment does not accept scans.",
                        $"Shipment {shipmentId} is {shipment.Header.Status}: no units can be scanned into it any more."
                    );
                }

                var onShipment = shipment.Lines.Select(l => l.Fnsku).ToHashSet(StringComparer.Ordinal);
                foreach (var (field, reason) in ScanRules.Check(scans, onShipment, fieldPrefix))
                {
                    validation.Add(field, reason);
                }

                if (!validation.IsValid)
                {
                    return validation.Problem();
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
                    : new HashSet<string>(await shipments.RecordNewUnitsAsync(unit, seller.Id, records), StringComparer.Ordinal);
                for (var i = 0; i < scans.Count; i++)
                {
                    // Remove, so a unit id that appears twice in the batch counts once.
                    var isNew = fresh?.Remove(scans[i].UnitId) ?? await shipments.TryRecordUnitAsync(unit, seller.Id, records[i]);
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
                            seller.Id,
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
                await putaway.StowAsync(unit, seller.Id, shipment.Header.FulfillmentCenter, recorded);
                return TypedResults.Ok(new ScanResult(recorded.Count, repeated));
            },
            cancellationToken
        );

    private static string Field(string prefix, int count, int index, string name) =>
        prefix.Length == 0 && count == 1 ? name : $"{prefix}[{index}].{name}";
}
