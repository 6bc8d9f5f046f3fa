using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>
/// A deal approved in Liquidation is a promotion in the seller's calendar, as if planned here (not featured): the next
/// forecasts see its lift, and the seller can list or cancel it like any other.
/// </summary>
public sealed class PromotionApprovedConsumer(Database database, Inbox inbox, CalendarRepository calendar, TimeProvider time)
    : InboxConsumer<PromotionApproved>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<PromotionApproved> context, UnitOfWork unit)
    {
        var approved = context.Message;
        return calendar.AddPromotionAsync(
            unit,
            approved.SellerId,
            new Promotion(
                Guid.CreateVersion7(),
                approved.Fnsku,
                approved.StartsOn,
                approved.EndsOn,
                Math.Clamp(approved.DiscountPercent, 0, 100),
                false
            ),
            time.GetUtcNow().UtcDateTime
        );
    }
}
