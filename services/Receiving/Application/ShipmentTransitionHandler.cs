using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// Ships, closes and cancels shipments. The shipment row is locked for the transition, so a close and a
/// scan of the same shipment happen one after the other: no scan is counted after the close computed its
/// discrepancies. The events a transition causes go to the outbox in the same transaction.
/// </summary>
public sealed class ShipmentTransitionHandler(Database database, ShipmentRepository shipments, Outbox outbox, TimeProvider time)
{
    /// <summary>
    /// The shipment after the transition; null when the seller has no such shipment. A transition its state does not allow
    /// throws <see cref="StateConflictException"/> with the reason, and changes nothing.
    /// </summary>
    public Task<ShipmentView?> HandleAsync(
        string sellerId,
        Guid shipmentId,
        ShipmentAction action,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<ShipmentView?>(
            async unit =>
            {
                if (await shipments.LockAsync(unit, sellerId, shipmentId) is not { } locked)
                {
                    return null;
                }

                var (header, lines) = locked;
                var received = lines.Sum(l => l.ReceivedSellable + l.ReceivedDamaged);
                var transition = ShipmentLifecycle.Apply(header.Status, action, received);
                if (!transition.IsAllowed)
                {
                    throw new StateConflictException(transition.Refusal!);
                }

                var now = time.GetUtcNow();
                var to = transition.To!.Value;
                await shipments.SetStatusAsync(unit, shipmentId, to, now.UtcDateTime);
                switch (action)
                {
                    case ShipmentAction.Ship:
                        // Allocation counts the expected units as inbound at the FC until they are scanned or the shipment ends.
                        await outbox.AddAsync(
                            unit,
                            new InboundShipmentShipped(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
                                correlationId,
                                shipmentId,
                                header.FulfillmentCenter,
                                lines
                                    .GroupBy(l => l.Fnsku, StringComparer.Ordinal)
                                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                                    .Select(g => new InboundLine(g.Key, g.Sum(l => l.ExpectedUnits)))
                                    .ToList()
                            )
                        );
                        break;
                    case ShipmentAction.Close:
                        await outbox.AddAsync(
                            unit,
                            new InboundShipmentClosed(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
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
                            new CapacityReleased(Guid.CreateVersion7(), now, sellerId, correlationId, shipmentId, header.FulfillmentCenter)
                        );
                        await outbox.AddAsync(
                            unit,
                            new InboundShipmentCancelled(
                                Guid.CreateVersion7(),
                                now,
                                sellerId,
                                correlationId,
                                shipmentId,
                                header.FulfillmentCenter
                            )
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
                return new ShipmentView(updated, lines.OrderBy(l => l.Fnsku, StringComparer.Ordinal).ToList());
            },
            cancellationToken
        );
}
