namespace InventoryPlatform.Notifications.Application;

/// <summary>A delivery's receiver resolved to an address webhooks may not go to; the attempt fails without connecting.</summary>
public sealed class ReceiverRefusedException(string reason) : Exception(reason);
