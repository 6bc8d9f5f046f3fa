namespace InventoryPlatform.Contracts.V1;

public sealed record Dimensions(decimal LengthCm, decimal WidthCm, decimal HeightCm, decimal WeightKg);
