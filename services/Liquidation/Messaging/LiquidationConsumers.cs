using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>The consumers Liquidation registers on the bus.</summary>
public static class LiquidationConsumers
{
    public static void Register(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ItemRegisteredConsumer>();
        bus.AddConsumer<UnitsReceivedConsumer>();
        bus.AddConsumer<ReturnRestockedConsumer>();
        bus.AddConsumer<UnsellableReturnReceivedConsumer>();
        bus.AddConsumer<OrderShippedConsumer>();
        bus.AddConsumer<InventoryRemovedConsumer>();
        bus.AddConsumer<DemandForecastUpdatedConsumer>();
    }
}
