namespace InventoryPlatform.Returns.Api;

public sealed record UnitsBy<TKey>(TKey Key, int Units);
