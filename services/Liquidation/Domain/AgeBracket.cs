namespace InventoryPlatform.Liquidation.Domain;

/// <summary>The age brackets aged-inventory fees and reports use.</summary>
public enum AgeBracket
{
    Days0To90,
    Days91To180,
    Days181To270,
    Days271To365,
    Over365,
}
