using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

/// <summary>What a rebalancing run did: under an automatic policy the transfers it created; under advise none.</summary>
public sealed record RebalancingRunResponse(string SellerId, RebalancingMode Mode, IReadOnlyList<TransferResponse> Transfers);
