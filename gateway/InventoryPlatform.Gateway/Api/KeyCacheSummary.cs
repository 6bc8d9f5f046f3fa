namespace InventoryPlatform.Gateway.Api;

/// <summary>The key cache of the replica that answered: its entries (known and unknown keys) and the most it holds.</summary>
public sealed record KeyCacheSummary(int Entries, int Capacity);
