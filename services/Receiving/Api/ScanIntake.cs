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
        Seller seller, Guid shipmentId, IReadOnlyList<ScanRequest> requests, string fieldPrefix, Guid correlationId, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        for (var i = 0; i < requests.Count; i++)
        {
            validation.Require(requests[i].Condition is not null, Field(fieldPrefix, requests.Count, i, "condition"), "Is required: sellable or damaged.");
        }

        var scans = requests.Select(r => new Scan(r.UnitId ?? "", r.Fnsku ?? "", r.Condition ?? UnitCondition.Sellable)).ToList();
        return await database.InTransactionAsync<Results<Ok<ScanResult>, ValidationProblem, ProblemHttpResult>>(
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
                        "Shipment does not accept scans.", $"Shipment {shipmentId} is {shipment.Header.Status}: no units can be scanned into it any more.");
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
                var recorded = new List<Scan>();
                var repeated = new List<string>();
                foreach (var scan in scans)
                {
                    var record = new UnitRecord(scan.UnitId, shipmentId, scan.Fnsku, shipment.Header.FulfillmentCenter, scan.Condition, now.UtcDateTime);
                    if (await shipments.TryRecordUnitAsync(unit, seller.Id, record))
                    {
                        recorded.Add(scan);
                    }
                    else
                    {
                        repeated.Add(scan.UnitId);
                    }
                }

                foreach (var (fnsku, condition, unitIds) in ScanRules.GroupForEvents(recorded))
                {
                    var sellable = condition == UnitCondition.Sellable ? unitIds.Count : 0;
                    await shipments.AddReceivedAsync(unit, shipmentId, fnsku, sellable, unitIds.Count - sellable);
                    await outbox.AddAsync(unit, new UnitsReceived(
                        Guid.CreateVersion7(), now, seller.Id, correlationId, shipmentId,
                        shipment.Header.FulfillmentCenter, fnsku, condition, unitIds.Count, unitIds));
                }

                await putaway.StowAsync(unit, seller.Id, shipment.Header.FulfillmentCenter, recorded);

                if (recorded.Count > 0 && shipment.Header.Status != ShipmentStatus.Receiving)
                {
                    await shipments.SetStatusAsync(unit, shipmentId, ShipmentStatus.Receiving, now.UtcDateTime);
                }

                return TypedResults.Ok(new ScanResult(recorded.Count, repeated));
            },
            cancellationToken);
    }

    private static string Field(string prefix, int count, int index, string name) =>
        prefix.Length == 0 && count == 1 ? name : $"{prefix}[{index}].{name}";
}
