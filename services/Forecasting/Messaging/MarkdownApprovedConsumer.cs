using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>
/// An approved markdown is a dated price of the FNSKU from the day it was approved: the next forecasts read the cut against
/// the 13-week median price before it. Without an earlier price, the price before the markdown is kept too (the day before),
/// so the cut shows as one.
/// </summary>
public sealed class MarkdownApprovedConsumer(Database database, Inbox inbox, PriceRepository prices, TimeProvider time)
    : InboxConsumer<MarkdownApproved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<MarkdownApproved> context, UnitOfWork unit)
    {
        var approved = context.Message;
        var from = DateOnly.FromDateTime(approved.OccurredAt.UtcDateTime);
        var points = new List<PricePoint>();
        if (!await prices.HasPriceBeforeAsync(unit, approved.SellerId, approved.Fnsku, from) && approved.PreviousPrice.Amount > 0)
        {
            points.Add(
                new PricePoint(
                    from.AddDays(-1),
                    approved.PreviousPrice.Amount,
                    approved.PreviousPrice.Currency,
                    PriceRepository.MarkdownSource
                )
            );
        }

        points.Add(new PricePoint(from, approved.NewPrice.Amount, approved.NewPrice.Currency, PriceRepository.MarkdownSource));
        await prices.SaveAsync(unit, approved.SellerId, approved.Fnsku, points, time.GetUtcNow().UtcDateTime);
    }
}
