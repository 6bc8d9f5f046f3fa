namespace InventoryPlatform.Allocation.Api;

public sealed record CreateTransferRequest(string? Fnsku, string? FromFulfillmentCenter, string? ToFulfillmentCenter, int Quantity);
