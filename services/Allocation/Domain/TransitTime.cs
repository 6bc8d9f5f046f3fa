namespace InventoryPlatform.Allocation.Domain;

/// <summary>Hours a parcel takes from an FC to a ship-to region.</summary>
public sealed record TransitTime(string Region, string FulfillmentCenter, int TransitHours);
