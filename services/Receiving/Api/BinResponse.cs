using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Api;

public sealed record BinResponse(
    string BinId,
    string Zone,
    decimal PickFaceDistanceMeters,
    decimal CapacityCubicFeet,
    decimal UsedCubicFeet
)
{
    public static BinResponse From(BinSpace bin) =>
        new(bin.BinId, bin.Zone, bin.PickFaceDistanceMeters, bin.CapacityCubicFeet, bin.UsedCubicFeet);
}
