namespace InventoryPlatform.Contracts.V1;

public enum UnitCondition
{
    Sellable,
    Damaged,
}
