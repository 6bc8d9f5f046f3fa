using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>The consumers Receiving registers on the bus.</summary>
public static class ReceivingConsumers
{
    // Receiving only publishes in the first flow; consumers (sales velocity for putaway) join with the Receiving issue.
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumers(typeof(ReceivingConsumers).Assembly);
}
