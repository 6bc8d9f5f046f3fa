using MassTransit;

namespace InventoryPlatform.Returns.Messaging;

/// <summary>The consumers Returns registers on the bus: every consumer in this assembly.</summary>
public static class ReturnsConsumers
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumers(typeof(ReturnsConsumers).Assembly);
}
