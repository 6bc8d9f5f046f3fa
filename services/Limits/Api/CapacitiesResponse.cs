using InventoryPlatform.Limits.Data;

namespace InventoryPlatform.Limits.Api;

public sealed record CapacitiesResponse(IReadOnlyList<FcCapacity> Items);
