namespace InventoryPlatform.Notifications.Api;

public sealed record EventTypesResponse(IReadOnlyList<string> EventTypes);
