namespace InventoryPlatform.Allocation.Api;

public sealed record CancelOrderRequest(string? Reason);
