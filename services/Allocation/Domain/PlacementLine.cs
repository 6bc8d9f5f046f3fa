namespace InventoryPlatform.Allocation.Domain;

/// <summary>Units to send to one FC, and the share of the marketplace's demand that FC serves soonest.</summary>
public sealed record PlacementLine(string FulfillmentCenter, int Units, double DemandShare);
