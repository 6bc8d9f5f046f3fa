namespace InventoryPlatform.Receiving.Api;

public sealed record BinRequest(string? BinId, string? Zone, decimal? PickFaceDistanceMeters, decimal? CapacityCubicFeet);
