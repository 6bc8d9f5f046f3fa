using InventoryPlatform.Primitives;

namespace InventoryPlatform.Hosting;

/// <summary>
/// A service's unit counts of one seller, the answer of <c>GET /api/&lt;service&gt;/v1/admin/unit-counts</c>: the positions it
/// keeps (a key it does not list holds none of them) and its count of each per (FNSKU, FC).
/// </summary>
public sealed record UnitCounts(string Service, string SellerId, IReadOnlyList<string> Positions, IReadOnlyList<UnitCount> Counts);
