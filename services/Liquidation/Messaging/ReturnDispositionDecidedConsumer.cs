using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>
/// Unsellable returns the seller's grading rules sent to liquidation become a pending liquidation order for exactly those
/// units at the FC that received them (the units themselves arrive as an unfulfillable lot from
/// <see cref="UnsellableReturnReceived"/>); the seller starts and completes it like any other order, and while it is open no
/// other recommendation is raised for the FNSKU's unfulfillable stock. Liquidation is the one disposition the engine never
/// proposes for unsellable stock, so without this order it would never happen. Units sent to removal or disposal stay
/// candidates: the recommendation for unfulfillable stock values exactly those two options (and a seller's automatic
/// policy executes it), together with the FNSKU's other unsellable units.
/// </summary>
public sealed class ReturnDispositionDecidedConsumer(
    Database database,
    Inbox inbox,
    StockRepository stock,
    RemovalOrderRepository orders,
    LiquidationSettings settings,
    TimeProvider time
) : InboxConsumer<ReturnDispositionDecided>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<ReturnDispositionDecided> context, UnitOfWork unit)
    {
        var decided = context.Message;
        if (decided.Disposition != ReturnDisposition.Liquidate)
        {
            return;
        }

        var item = await stock.ItemAsync(unit, decided.SellerId, decided.Fnsku);
        var profile = item is null ? null : ItemProfile.From(item.StorageType, item.Dimensions, item.ListPrice, null, item.Currency);
        var kind = RemovalOrders.KindOf(decided.Disposition);
        var (recovery, fees) = RemovalOrders.ValueOf(kind, decided.Quantity, profile, settings);
        var at = time.GetUtcNow().UtcDateTime;
        await orders.InsertAsync(
            unit,
            new RemovalOrderRecord(
                Guid.CreateVersion7(),
                decided.SellerId,
                null,
                decided.Fnsku,
                kind,
                RemovalOrderStatus.Pending,
                true,
                decided.Quantity,
                recovery,
                fees,
                // Without ItemRegistered there is no price to value the order with; the seeded fee schedule is in US dollars.
                item?.Currency
                    ?? "USD",
                decided.CorrelationId,
                at,
                at,
                null,
                null,
                [new RemovalOrderLine(decided.FulfillmentCenter, decided.Quantity)]
            )
        );
    }
}
