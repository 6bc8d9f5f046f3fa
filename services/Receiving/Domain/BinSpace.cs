namespace InventoryPlatform.Receiving.Domain;

/// <summary>A bin of an FC: how far it is from the pick face, how much it holds and how much is taken.</summary>
public sealed record BinSpace(string BinId, string Zone, decimal PickFaceDistanceMeters, decimal CapacityCubicFeet, decimal UsedCubicFeet)
{
    public decimal FreeCubicFeet => CapacityCubicFeet - UsedCubicFeet;
}
