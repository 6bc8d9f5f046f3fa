using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

/// <summary>
/// Ships, closes and cancels shipments. The shipment row is locked for the transition, so a close and a
/// scan of the same shipment happen one after the other: no scan is counted after the close computed its
/// discrepancies. The events a transition causes go to the outbox in the same transaction.
/// </summary>
public sealed class ShipmentTransitions(Database database, ShipmentRepository shipments, Outbox outbox, TimeProvider time)
{
    public Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> ApplyAsync(
        Seller seller,
        Guid shipmentId,
        ShipmentAction action,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<Results<Ok<ShipmentResponse>, ProblemHttpResult>>(
            async unit =>
            {
                if (await shipments.LockAsync(unit, seller.Id, shipmentId) is not { } locked)
                {
                    return Problems.NotFound("Shipment", shipmentId.ToString());
                }

                var (header, lines) = locked;
                var received = lines.Sum(l => l.ReceivedSellable + l.ReceivedDamaged);
                var transition = ShipmentLifecycle.Apply(header.Status, action, received);
                if (!transition.IsAllowed)
                {
                    return Problems.Conflict($"The shipment cannot be {Past(action)}.", transition.Refusal!);
                }

                var now = time.GetUtcNow();
                var to = transition.To!.Value;
                await shipments.SetStatusAsync(unit, shipmentId, to, now.UtcDateTime);
                switch (action)
                {
                    case ShipmentAction.Close:
                        await outbox.AddAsync(
                            unit,
                            new InboundShipmentClosed(
                                Guid.CreateVersion7(),
                                now,
                                seller.Id,
                                correlationId,
                                shipmentId,
                                header.FulfillmentCenter,
                                Discrepancies.For(lines)
                            )
                        );
                        break;
                    case ShipmentAction.Cancel:
                        // Limits frees the capacity it reserved for this shipment when it was created.
                        await outbox.AddAsync(
                            unit,
                            new CapacityReleased(Guid.CreateVersion7(), now, seller.Id, correlationId, shipmentId, header.FulfillmentCenter)
                        );
                        break;
                }

                var updated = header with { Status = to, UpdatedAt = now.UtcDateTime };
                updated = to switch
                {
                    ShipmentStatus.InTransit => updated with { ShippedAt = now.UtcDateTime },
                    ShipmentStatus.Closed => updated with { ClosedAt = now.UtcDateTime },
                    ShipmentStatus.Cancelled => updated with { CancelledAt = now.UtcDateTime },
                    _ => updated,
                };
                return TypedResults.Ok(
                    ShipmentsApi.ToResponse(new ShipmentView(updated, lines.OrderBy(l => l.Fnsku, StringComparer.Ordinal).ToList()))
                );
            },
            cancellationToken
        );

    private static string Past(ShipmentAction action) =>
        action switch
        {
            ShipmentAction.Ship => "shipped",
            ShipmentAction.Close => "closed",
            _ => "cancelled",
        };
}
