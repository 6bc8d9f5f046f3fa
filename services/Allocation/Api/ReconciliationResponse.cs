using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

/// <summary>A seller's reconciliation: the services compared, each drift from the ledger, the services not read.</summary>
public sealed record ReconciliationResponse(
    string SellerId,
    IReadOnlyList<string> Services,
    IReadOnlyList<StockDrift> Drifts,
    IReadOnlyList<PeerFailure> Unreachable
);
