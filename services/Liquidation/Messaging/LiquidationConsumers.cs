using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>The consumers Liquidation registers on the bus: every consumer in this assembly.</summary>
public static class LiquidationConsumers
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumers(typeof(LiquidationConsumers).Assembly);
}
