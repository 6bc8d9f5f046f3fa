using MassTransit;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>The consumers Forecasting registers on the bus: every consumer in this assembly.</summary>
public static class ForecastingConsumers
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumers(typeof(ForecastingConsumers).Assembly);
}
