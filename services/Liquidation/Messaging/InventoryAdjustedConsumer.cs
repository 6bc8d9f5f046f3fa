using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>
/// A count's adjustment moves the sellable lots as the ledger's on hand moved. Units lost or damaged leave the oldest lots
/// first, the one rule every outflow follows (a count cannot tell which units went missing). Units found are a new lot aged
/// from the count: when they came in is not known, and ageing them from the count never charges the seller aged-inventory
/// fees for time nobody can vouch for.
/// </summary>
public sealed class InventoryAdjustedConsumer(
    Database database,
    Inbox inbox,
    StockRepository stock,
    ILogger<InventoryAdjustedConsumer> logger
) : InboxConsumer<InventoryAdjusted>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryAdjusted> context, UnitOfWork unit)
    {
        var adjusted = context.Message;
        if (adjusted.Quantity > 0)
        {
            await stock.AddLotAsync(
                unit,
                adjusted.SellerId,
                adjusted.Fnsku,
                adjusted.FulfillmentCenter,
                StockKind.Sellable,
                adjusted.OccurredAt,
                adjusted.Quantity,
                $"adjustment:{adjusted.AdjustmentId}"
            );
            return;
        }

        var shortfall = await stock.ConsumeFifoAsync(
            unit,
            adjusted.SellerId,
            adjusted.Fnsku,
            adjusted.FulfillmentCenter,
            StockKind.Sellable,
            -adjusted.Quantity
        );
        if (shortfall > 0)
        {
            logger.LogInformation(
                "{Shortfall} units of {Fnsku} adjusted away at {FulfillmentCenter} had no tracked lot.",
                shortfall,
                adjusted.Fnsku,
                adjusted.FulfillmentCenter
            );
        }
    }
}
