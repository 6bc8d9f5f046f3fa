using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>
/// Answers Receiving's capacity request for a new inbound shipment: granted when, per storage type, stored volume plus
/// open reservations plus the shipment fit the seller's limit; otherwise rejected with the limit, used and requested figures.
/// The seller's row is locked for the decision, so two shipments racing for the last capacity never both win.
/// A request for a shipment already reserved (Receiving reran its transaction) gets the same reservation back; that is
/// also why a repeated message is answered again rather than dropped by the inbox: the answer is the effect.
/// </summary>
public sealed class ReserveCapacityConsumer(
    Database database,
    Inbox inbox,
    SellerAccounts accounts,
    UsageRepository usage,
    TimeProvider time
) : IConsumer<ReserveCapacity>
{
    public async Task Consume(ConsumeContext<ReserveCapacity> context)
    {
        var request = context.Message;
        var answer = await database.InTransactionAsync(
            async unit =>
            {
                if (context.MessageId is { } messageId)
                {
                    await inbox.TryAcceptAsync(unit, messageId, nameof(ReserveCapacityConsumer));
                }

                if (request.Volumes.FirstOrDefault(v => v.CubicFeet < 0) is { } negative)
                {
                    return (object)
                        new CapacityRejected(
                            request.ShipmentId,
                            "A requested volume is negative.",
                            negative.StorageType,
                            0m,
                            0m,
                            negative.CubicFeet
                        );
                }

                await accounts.LockAsync(unit, request.SellerId, request.CorrelationId);
                if (await usage.FindReservationAsync(unit, request.ShipmentId) is { } existing)
                {
                    // Released before this request was read: Receiving gave up on the shipment, so nothing is held for it.
                    return existing.Status == UsageRepository.Released
                        ? new CapacityRejected(
                            request.ShipmentId,
                            "The shipment's capacity was already released.",
                            StorageType.Standard,
                            0m,
                            0m,
                            0m
                        )
                        : new CapacityReserved(request.ShipmentId, existing.ReservationId);
                }

                var limits = await accounts.LimitsAsync(unit, request.SellerId);
                var (stored, inbound) = await usage.UsageAsync(unit, request.SellerId);
                var used = new VolumeByType();
                foreach (var type in VolumeByType.AllTypes)
                {
                    used[type] = stored[type] + inbound[type];
                }

                if (CapacityDecision.Check(request.Volumes, limits, used) is { } shortfall)
                {
                    return new CapacityRejected(
                        request.ShipmentId,
                        shortfall.Reason,
                        shortfall.StorageType,
                        shortfall.LimitCubicFeet,
                        shortfall.UsedCubicFeet,
                        shortfall.RequestedCubicFeet
                    );
                }

                var reservationId = Guid.CreateVersion7();
                await usage.AddReservationAsync(unit, request, reservationId, time.GetUtcNow().UtcDateTime);
                return new CapacityReserved(request.ShipmentId, reservationId);
            },
            context.CancellationToken
        );

        if (answer is CapacityReserved reserved)
        {
            await context.RespondAsync(reserved);
        }
        else
        {
            await context.RespondAsync((CapacityRejected)answer);
        }
    }
}
