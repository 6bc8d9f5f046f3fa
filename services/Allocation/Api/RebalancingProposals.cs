using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record RebalancingProposals(string Fnsku, string Marketplace, string DemandSource, IReadOnlyList<TransferProposal> Transfers);
