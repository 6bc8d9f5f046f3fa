using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>The newest forecast of an FNSKU sets its demand for excess and recommendations.</summary>
public sealed class DemandForecastUpdatedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<DemandForecastUpdated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<DemandForecastUpdated> context, UnitOfWork unit) =>
        stock.SaveForecastAsync(unit, context.Message.SellerId, context.Message);
}
