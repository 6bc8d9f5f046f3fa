namespace InventoryPlatform.Allocation.Domain;

/// <summary>An FC that can ship to the order's region, and how many hours it takes counting any cross-border penalty.</summary>
public sealed record ShippingOption(string FulfillmentCenter, int Hours, bool CrossBorder);
