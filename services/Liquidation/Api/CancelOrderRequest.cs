namespace InventoryPlatform.Liquidation.Api;

public sealed record CancelOrderRequest(string? Reason);
