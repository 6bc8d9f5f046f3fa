using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>The item as registered; <c>Created</c> is false when the seller SKU was registered before (then it was updated).</summary>
public sealed record RegisteredItem(Item Item, bool Created);
