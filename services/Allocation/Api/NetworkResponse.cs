using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record NetworkResponse(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<FulfillmentCenter> FulfillmentCenters,
    IReadOnlyList<TransitTime> TransitTimes,
    CrossBorderPolicy CrossBorder
);
