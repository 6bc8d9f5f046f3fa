using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>The consumers Limits registers on the bus: every consumer in this assembly.</summary>
public static class LimitsConsumers
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumers(typeof(LimitsConsumers).Assembly);
}
