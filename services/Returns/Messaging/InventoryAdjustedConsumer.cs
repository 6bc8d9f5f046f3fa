using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Domain;
using MassTransit;

namespace InventoryPlatform.Returns.Messaging;

/// <summary>
/// Units an FC's count found lost or damaged in the warehouse are owed to the seller, priced as damaged returns are
/// (<see cref="OwedReimbursements"/>). Units found owe nothing.
/// </summary>
public sealed class InventoryAdjustedConsumer(Database database, Inbox inbox, OwedReimbursements reimbursements, TimeProvider time)
    : InboxConsumer<InventoryAdjusted>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryAdjusted> context, UnitOfWork unit)
    {
        var adjusted = context.Message;
        if (adjusted.Quantity >= 0 || adjusted.Reason == AdjustmentReason.Found)
        {
            return;
        }

        var reason = adjusted.Reason == AdjustmentReason.Lost ? ReimbursementReason.Lost : ReimbursementReason.DamagedInWarehouse;
        await reimbursements.OweAsync(
            unit,
            new ReimbursementClaim(
                adjusted.CorrelationId,
                adjusted.SellerId,
                adjusted.Fnsku,
                -adjusted.Quantity,
                reason,
                AdjustmentId: adjusted.AdjustmentId,
                FulfillmentCenter: adjusted.FulfillmentCenter
            ),
            time.GetUtcNow().UtcDateTime
        );
    }
}
