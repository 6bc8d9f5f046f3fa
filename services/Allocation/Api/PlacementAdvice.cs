using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record PlacementAdvice(string Fnsku, string Marketplace, int Units, string DemandSource, IReadOnlyList<PlacementLine> Lines);
