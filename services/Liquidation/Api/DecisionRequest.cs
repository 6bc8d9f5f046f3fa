namespace InventoryPlatform.Liquidation.Api;

public sealed record DecisionRequest(string? Note);
