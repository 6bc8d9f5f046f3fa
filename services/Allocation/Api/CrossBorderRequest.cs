namespace InventoryPlatform.Allocation.Api;

public sealed record CrossBorderRequest(bool? Allowed, int? PenaltyHours);
