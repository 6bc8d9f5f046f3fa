namespace InventoryPlatform.Contracts.V1;

/// <summary>A fulfillment center of the network, the marketplace whose pool it belongs to and the region it stands in.</summary>
public sealed record NetworkCenter(string Code, string Marketplace, string Region);
