using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Receiving.Api;

public sealed class CapacityOptions
{
    public const string Section = "Receiving:Capacity";

    /// <summary>How long shipment creation waits for Limits to answer before giving up with 503.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Limits said no: the storage type, its limit, what is used and what the shipment asked for.</summary>
public sealed class CapacityRejectedException(CapacityRejected rejection) : Exception(rejection.Reason)
{
    public CapacityRejected Rejection { get; } = rejection;
}

/// <summary>Limits did not answer in time (or the bus is away): nothing can be promised.</summary>
public sealed class CapacityUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Receiving's side of the capacity conversation with Limits (bus request/response).</summary>
public sealed class CapacityReservations(
    IRequestClient<ReserveCapacity> client,
    IOptions<CapacityOptions> options,
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
        deadline.CancelAfter(options.Value.RequestTimeout);
        try
        {
            var response = await client.GetResponse<CapacityReserved, CapacityRejected>(
                request,
                deadline.Token,
                RequestTimeout.After(ms: (int)options.Value.RequestTimeout.TotalMilliseconds)
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
                $"Limits did not answer the capacity request within {options.Value.RequestTimeout.TotalSeconds:0.#} s.",
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
