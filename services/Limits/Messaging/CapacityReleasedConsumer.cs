using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>
/// A cancelled (or never stored) shipment gives its reserved capacity back. A release can overtake its reservation: Receiving
/// gave up waiting for the answer while the request still sat on the broker. It is then recorded as a released reservation,
/// so the late request finds it and holds nothing. The seller's row is locked as for a reservation, so the two never interleave.
/// </summary>
public sealed class CapacityReleasedConsumer(Database database, Inbox inbox, SellerAccounts accounts, UsageRepository usage)
    : InboxConsumer<CapacityReleased>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<CapacityReleased> context, UnitOfWork unit)
    {
        var released = context.Message;
        await accounts.LockAsync(unit, released.SellerId, released.CorrelationId);
        if (
            !await usage.EndReservationAsync(
                unit,
                released.SellerId,
                released.ShipmentId,
                UsageRepository.Released,
                released.OccurredAt.UtcDateTime
            )
        )
        {
            await usage.RecordReleasedAsync(unit, released);
        }
    }
}
