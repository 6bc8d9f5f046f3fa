using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Receiving.Application;

/// <summary>Receiving's side of the capacity conversation with Limits (bus request/response).</summary>
public sealed class CapacityReservations(
    IRequestClient<ReserveCapacity> client,
    CapacityOptions options,
    Database database,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>Reserves capacity for a shipment, or throws <see cref="CapacityRejectedException"/> / <see
    /// cref="CapacityUnavailableException"/>.</summary>
    public async Task<Guid> ReserveAsync(ReserveCapacity request, CancellationToken cancellationToken)
    {
        // The timeout covers sending the request too: with the broker away, the send itself waits for a connection.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        try
        {
            var response = await client.GetResponse<CapacityReserved, CapacityRejected>(
                request,
                deadline.Token,
                RequestTimeout.After(ms: (int)options.RequestTimeout.TotalMilliseconds)
            );
            if (response.Is(out Response<CapacityRejected>? rejected))
            {
                throw new CapacityRejectedException(rejected!.Message);
            }

            return response.Is(out Response<CapacityReserved>? reserved)
                ? reserved!.Message.ReservationId
                : throw new InvalidOperationException("Limits answered with neither CapacityReserved nor CapacityRejected.");
        }
        catch (Exception timeout)
            when (timeout is RequestTimeoutException
                || (timeout is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            )
        {
            throw new CapacityUnavailableException(
                $"Limits did not answer the capacity request within {options.RequestTimeout.TotalSeconds:0.#} s.",
                timeout
            );
        }
    }

    /// <summary>
    /// Gives back capacity held for a shipment that was not stored after all (through the outbox): reserved, or asked for
    /// without an answer in time — Limits may still reserve it late, and the release then cancels that reservation.
    /// </summary>
    public Task ReleaseAsync(
        string sellerId,
        Guid shipmentId,
        string fulfillmentCenter,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            unit =>
                outbox.AddAsync(
                    unit,
                    new CapacityReleased(Guid.CreateVersion7(), time.GetUtcNow(), sellerId, correlationId, shipmentId, fulfillmentCenter)
                ),
            cancellationToken
        );
}
