namespace InventoryPlatform.Allocation.Application;

/// <summary>The order could not be filled whole and the partner asked for all or nothing; nothing was stored.</summary>
public sealed class OrderRejectedException(string detail) : Exception(detail);
