namespace InventoryPlatform.Contracts.V1;

/// <summary>A ship-to region of the network and its marketplace.</summary>
public sealed record NetworkRegion(string Code, string Marketplace);
