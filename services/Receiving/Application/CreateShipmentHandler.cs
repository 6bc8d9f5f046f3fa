using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// Creates an inbound shipment plan: every line's item must be registered, Limits must reserve the capacity the units need
/// (bus request/response), and the shipment is stored in the same unit of work. Capacity held for a shipment that did not commit
/// goes back to Limits.
/// </summary>
public sealed class CreateShipmentHandler(
    ItemRepository items,
    ShipmentRepository shipments,
    CapacityReservations capacity,
    TimeProvider time
)
{
    /// <summary>
    /// Runs the shipment's unit of work through <paramref name="inTransaction"/>, which opens the transaction and answers
    /// (for requests with an idempotency key, the idempotent request: a repeat of an earlier key is answered before the unit of
    /// work runs, so it reserves nothing again).
    /// </summary>
    public async Task<CreateShipmentResult<TAnswer>> HandleAsync<TAnswer>(
        string sellerId,
        string fulfillmentCenter,
        IReadOnlyList<(string Fnsku, int ExpectedUnits, int? CasePack)> lines,
        Guid correlationId,
        Func<Func<UnitOfWork, Task<ShipmentView>>, Task<TAnswer>> inTransaction,
        CancellationToken cancellationToken
    )
    {
        var fnskus = lines.Select(l => l.Fnsku).ToList();
        var shipmentId = Guid.CreateVersion7();
        var reserved = false;
        var unanswered = false;
        var stored = false;
        try
        {
            var answer = await inTransaction(async unit =>
            {
                var known = await items.FindManyAsync(unit, sellerId, fnskus);
                var unknown = fnskus.Select((f, i) => (f, i)).Where(x => !known.ContainsKey(x.f)).ToList();
                if (unknown.Count > 0)
                {
                    throw new UnknownItemsException(
                        unknown.Select(x => ($"lines[{x.i}].fnsku", $"No item {x.f} is registered for this seller.")).ToList()
                    );
                }

                // Limits answers for the same shipment id again if a transient fault reruns this transaction.
                var volumes = CapacityRequest.VolumesFor(lines.Select(l => (known[l.Fnsku], l.ExpectedUnits)));
                await capacity.ReserveAsync(
                    new ReserveCapacity(shipmentId, sellerId, fulfillmentCenter, volumes, correlationId),
                    cancellationToken
                );
                reserved = true;

                var now = time.GetUtcNow().UtcDateTime;
                var header = new ShipmentHeader(shipmentId, sellerId, fulfillmentCenter, ShipmentStatus.Created, now, now);
                var shipmentLines = lines.Select(l => new ShipmentLine(l.Fnsku, l.ExpectedUnits, l.CasePack, 0, 0)).ToList();
                await shipments.CreateAsync(unit, header, shipmentLines);
                unit.AfterCommit(() => stored = true);
                return new ShipmentView(header, shipmentLines);
            });
            return new CreateShipmentResult<TAnswer>.Answered(answer);
        }
        catch (UnknownItemsException unknown)
        {
            return new CreateShipmentResult<TAnswer>.UnknownItems(unknown.Errors);
        }
        catch (CapacityRejectedException rejected)
        {
            return new CreateShipmentResult<TAnswer>.CapacityRefused(rejected.Rejection);
        }
        catch (CapacityUnavailableException unavailable)
        {
            unanswered = true;
            return new CreateShipmentResult<TAnswer>.CapacityUnavailable(unavailable.Message);
        }
        finally
        {
            // Capacity held for a shipment that did not commit (a failure, or another request with the same key won) goes back,
            // and so does a reservation Limits makes after its answer came too late.
            if ((reserved || unanswered) && !stored)
            {
                await capacity.ReleaseAsync(sellerId, shipmentId, fulfillmentCenter, correlationId, CancellationToken.None);
            }
        }
    }

    private sealed class UnknownItemsException(IReadOnlyList<(string Field, string Reason)> errors) : Exception("Unknown items.")
    {
        public IReadOnlyList<(string Field, string Reason)> Errors { get; } = errors;
    }
}
