using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>Size, weight, storage type and price of an item: what holding it costs and what it is worth.</summary>
public sealed class ItemRegisteredConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<ItemRegistered>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ItemRegistered> context, UnitOfWork unit)
    {
        var item = context.Message;
        return stock.UpsertItemAsync(
            unit,
            item.SellerId,
            new ItemRecord(item.Fnsku, item.StorageType, item.Dimensions, item.ListPrice.Amount, item.ListPrice.Currency),
            item.OccurredAt
        );
    }
}

/// <summary>
/// Received units start ageing at the moment they were scanned. Damaged ones can never be sold: they become
/// unfulfillable stock, a removal or disposal candidate.
/// </summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        var kind = received.Condition == UnitCondition.Sellable ? StockKind.Sellable : StockKind.Unfulfillable;
        return stock.AddLotAsync(
            unit,
            received.SellerId,
            received.Fnsku,
            received.FulfillmentCenter,
            kind,
            received.OccurredAt,
            received.Quantity,
            $"shipment:{received.ShipmentId}"
        );
    }
}

/// <summary>Returned units back on the shelf age again from their restocking.</summary>
public sealed class ReturnRestockedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<ReturnRestocked>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ReturnRestocked> context, UnitOfWork unit)
    {
        var restocked = context.Message;
        return stock.AddLotAsync(
            unit,
            restocked.SellerId,
            restocked.Fnsku,
            restocked.FulfillmentCenter,
            StockKind.Sellable,
            restocked.OccurredAt,
            restocked.Quantity,
            $"return:{restocked.ReturnId}"
        );
    }
}

/// <summary>Unsellable returns are unfulfillable stock: candidates for removal to the seller or disposal.</summary>
public sealed class UnsellableReturnReceivedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<UnsellableReturnReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnsellableReturnReceived> context, UnitOfWork unit)
    {
        var returned = context.Message;
        return stock.AddLotAsync(
            unit,
            returned.SellerId,
            returned.Fnsku,
            returned.FulfillmentCenter,
            StockKind.Unfulfillable,
            returned.OccurredAt,
            returned.Quantity,
            $"return:{returned.ReturnId}:{returned.Grade}"
        );
    }
}

/// <summary>Shipped units leave their FC oldest first, and count as sales for demand and the average selling price.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, StockRepository stock, ILogger<OrderShippedConsumer> logger)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal))
        {
            var units = line.Sum(l => l.Quantity);
            var shortfall = await stock.ConsumeFifoAsync(
                unit,
                shipped.SellerId,
                line.Key,
                shipped.FulfillmentCenter,
                StockKind.Sellable,
                units
            );
            if (shortfall > 0)
            {
                // Stock received before this service tracked it has no lot; the sale still counts.
                logger.LogInformation(
                    "{Shortfall} shipped units of {Fnsku} at {FulfillmentCenter} had no tracked lot.",
                    shortfall,
                    line.Key,
                    shipped.FulfillmentCenter
                );
            }

            await stock.RecordSaleAsync(
                unit,
                shipped.SellerId,
                line.Key,
                shipped.OccurredAt,
                units,
                line.Sum(l => l.Quantity * l.UnitPrice.Amount)
            );
        }
    }
}

/// <summary>
/// Units liquidated, removed or disposed of by anyone else leave their lots oldest first, from unfulfillable or sellable
/// stock as the event says. This service's own orders took their units off when they completed; their events coming
/// back change nothing.
/// </summary>
public sealed class InventoryRemovedConsumer(Database database, Inbox inbox, StockRepository stock, RemovalOrderRepository orders)
    : InboxConsumer<InventoryRemoved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryRemoved> context, UnitOfWork unit)
    {
        var removed = context.Message;
        if (await orders.ExistsAsync(unit, removed.RemovalOrderId))
        {
            return;
        }

        await stock.ConsumeFifoAsync(
            unit,
            removed.SellerId,
            removed.Fnsku,
            removed.FulfillmentCenter,
            removed.FromUnfulfillable ? StockKind.Unfulfillable : StockKind.Sellable,
            removed.Quantity
        );
    }
}

/// <summary>The newest forecast of an FNSKU sets its demand for excess and recommendations.</summary>
public sealed class DemandForecastUpdatedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<DemandForecastUpdated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<DemandForecastUpdated> context, UnitOfWork unit) =>
        stock.SaveForecastAsync(unit, context.Message.SellerId, context.Message);
}
