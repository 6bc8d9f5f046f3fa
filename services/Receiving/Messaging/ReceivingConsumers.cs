using InventoryPlatform.Contracts.V1;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>The consumers Receiving registers on the bus, and its request client to Limits.</summary>
public static class ReceivingConsumers
{
    public static void Register(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumers(typeof(ReceivingConsumers).Assembly);
        // Capacity for a new shipment is asked of Limits; the timeout is given per request (ShipmentsApi).
        bus.AddRequestClient<ReserveCapacity>();
    }
}
