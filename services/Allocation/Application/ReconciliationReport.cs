using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Application;

/// <summary>One seller's reconciliation: the services compared with the ledger, each drift found, and the services not reached.</summary>
public sealed record ReconciliationReport(
    string SellerId,
    IReadOnlyList<string> Services,
    IReadOnlyList<StockDrift> Drifts,
    IReadOnlyList<PeerFailure> Unreachable
);
