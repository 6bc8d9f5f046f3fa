using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record AgeBracketUnits(int Days0To90, int Days91To180, int Days181To270, int Days271To365, int Over365)
{
    public static AgeBracketUnits From(AgeProfile profile) =>
        new(profile.Days0To90, profile.Days91To180, profile.Days181To270, profile.Days271To365, profile.Over365);
}
