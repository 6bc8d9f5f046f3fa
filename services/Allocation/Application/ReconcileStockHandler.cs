using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Compares each service's unit counts of a seller (<see cref="AllocationOptions.ReconciledServices"/>) with the ledger. The
/// services follow the ledger through events, so a drift seen while events are in flight may close by itself; one that stays is
/// a projection gone wrong.
/// </summary>
public sealed class ReconcileStockHandler(
    StockRepository stock,
    PeerUnitCounts peers,
    AllocationOptions options,
    ILogger<ReconcileStockHandler> logger
)
{
    public async Task<ReconciliationReport> HandleAsync(string sellerId, CancellationToken cancellationToken)
    {
        var counted = await Task.WhenAll(options.ReconciledServices.Select(service => ReadAsync(service, sellerId, cancellationToken)));
        // The ledger after the services' counts: an event a service applied is then already in the ledger read.
        var ledger = await stock.BalancesOfAsync(sellerId, cancellationToken);
        var drifts = counted
            .Where(c => c.Counts is not null)
            .SelectMany(c => StockReconciliation.Compare(c.Service, sellerId, ledger, c.Counts!.Positions, c.Counts.Counts))
            .ToList();
        return new ReconciliationReport(
            sellerId,
            options.ReconciledServices,
            drifts,
            counted.Where(c => c.Failure is not null).Select(c => c.Failure!).ToList()
        );
    }

    private async Task<(string Service, Hosting.UnitCounts? Counts, PeerFailure? Failure)> ReadAsync(
        string service,
        string sellerId,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return (service, await peers.GetAsync(service, sellerId, cancellationToken), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            logger.LogWarning(exception, "The unit counts of {Service} for seller {SellerId} could not be read.", service, sellerId);
            return (service, null, new PeerFailure(service, exception.Message));
        }
    }
}
