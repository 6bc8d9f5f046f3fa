using InventoryPlatform.Contracts.V1;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>
/// PLACEHOLDER until the Limits issue: answers every <see cref="ReserveCapacity"/> request from Receiving
/// with <see cref="CapacityReserved"/>, holding nothing and checking no limit. It exists so that Receiving's
/// request/response on shipment creation has a responder; the Limits issue replaces it with the real
/// reservation against each seller's limits per storage type (and <see cref="CapacityRejected"/>).
/// </summary>
public sealed class ReserveCapacityConsumer : IConsumer<ReserveCapacity>
{
    public Task Consume(ConsumeContext<ReserveCapacity> context) =>
        context.RespondAsync(new CapacityReserved(context.Message.ShipmentId, Guid.CreateVersion7()));
}
