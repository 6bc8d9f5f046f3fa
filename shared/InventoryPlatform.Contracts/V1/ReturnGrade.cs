namespace InventoryPlatform.Contracts.V1;

public enum ReturnGrade
{
    Sellable,
    CustomerDamaged,
    CarrierDamaged,
    Defective,
    WarehouseDamaged,
}
