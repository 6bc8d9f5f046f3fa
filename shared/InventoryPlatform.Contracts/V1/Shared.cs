namespace InventoryPlatform.Contracts.V1;

public enum StorageType
{
    Standard,
    Oversize,
    Apparel,
    Footwear,
    Hazmat,
}

public enum UnitCondition
{
    Sellable,
    Damaged,
}

public sealed record Money(decimal Amount, string Currency);

public sealed record Dimensions(decimal LengthCm, decimal WidthCm, decimal HeightCm, decimal WeightKg);
