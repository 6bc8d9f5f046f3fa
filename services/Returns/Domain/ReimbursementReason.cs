namespace InventoryPlatform.Returns.Domain;

/// <summary>Why the network owes a seller: a return a carrier or an FC damaged, or units an FC's count found lost or damaged.</summary>
public enum ReimbursementReason
{
    CarrierDamaged,
    WarehouseDamaged,
    Lost,
    DamagedInWarehouse,
}
