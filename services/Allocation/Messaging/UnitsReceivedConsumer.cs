using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Units scanned at a dock go on the ledger: sellable ones on hand, damaged ones unfulfillable.</summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, StockRepository stock, Outbox outbox, TimeProvider time)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        var key = new StockKey(received.SellerId, received.Fnsku, received.FulfillmentCenter);
        var movement = received.Condition == UnitCondition.Sellable
            ? new StockMovement(StockBucket.OnHand, received.Quantity, "Received", $"shipment:{received.ShipmentId}")
            : new StockMovement(StockBucket.Unfulfillable, received.Quantity, "ReceivedDamaged", $"shipment:{received.ShipmentId}");

        var now = time.GetUtcNow();
        var (balance, refusal) = await stock.ApplyAsync(unit, key, [movement], now.UtcDateTime);
        if (balance is null)
        {
            // Adding units can only fail on corrupt input; let retries and the error queue keep the message.
            throw new InvalidOperationException($"Ledger refused received units: {refusal}");
        }

        await outbox.AddAsync(unit, StockEvents.Changed(key, balance, movement.Reason, received.CorrelationId, now));
    }
}

public static class StockEvents
{
    public static StockChanged Changed(StockKey key, StockBalance balance, string reason, Guid correlationId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), now, key.SellerId, correlationId, key.Fnsku, key.FulfillmentCenter,
            balance.OnHand, balance.Reserved, balance.Inbound, balance.InTransit, balance.Unfulfillable, balance.Version, reason);
}

/// <summary>The consumers Allocation registers on the bus.</summary>
public static class AllocationConsumers
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumer<UnitsReceivedConsumer>();
}
