using System.Diagnostics.Metrics;
using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Allocation.Jobs;

/// <summary>
/// Every <see cref="AllocationOptions.ReconciliationInterval"/>, reconciles each seller the ledger holds
/// (<see cref="ReconcileStockHandler"/>): each drift is logged as a warning and counted in the metric
/// <c>inventory.reconciliation.drifts</c> (tagged with the service and position), each service not reached in
/// <c>inventory.reconciliation.unreachable</c>.
/// </summary>
public sealed class ReconciliationJob(StockRepository stock, ReconcileStockHandler reconcile, ILogger<ReconciliationJob> logger)
    : IScheduledJob
{
    public static readonly Meter Meter = new("InventoryPlatform.Allocation");

    private static readonly Counter<long> Drifts = Meter.CreateCounter<long>(
        "inventory.reconciliation.drifts",
        unit: "{drift}",
        description: "Stock positions a service counted differently from the ledger, per reconciliation round."
    );

    private static readonly Counter<long> Unreachable = Meter.CreateCounter<long>(
        "inventory.reconciliation.unreachable",
        unit: "{service}",
        description: "Services whose unit counts a reconciliation round could not read."
    );

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var drifts = 0;
        foreach (var seller in await stock.SellersAsync(cancellationToken))
        {
            var report = await reconcile.HandleAsync(seller, cancellationToken);
            foreach (var drift in report.Drifts)
            {
                logger.LogWarning(
                    "Stock drift: {Service} counts {ServiceUnits} {Position} of {Fnsku} at {FulfillmentCenter} for seller {SellerId}; "
                        + "the ledger holds {LedgerUnits}.",
                    drift.Service,
                    drift.ServiceUnits,
                    drift.Position,
                    drift.Fnsku,
                    drift.FulfillmentCenter,
                    drift.SellerId,
                    drift.LedgerUnits
                );
                Drifts.Add(1, new("service", drift.Service), new("position", drift.Position));
            }

            foreach (var failure in report.Unreachable)
            {
                Unreachable.Add(1, new KeyValuePair<string, object?>("service", failure.Service));
            }

            drifts += report.Drifts.Count;
        }

        logger.LogInformation("Reconciliation found {Drifts} drifts.", drifts);
    }
}
