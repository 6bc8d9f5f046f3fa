namespace InventoryPlatform.Contracts.V1;

public sealed record Money(decimal Amount, string Currency);
