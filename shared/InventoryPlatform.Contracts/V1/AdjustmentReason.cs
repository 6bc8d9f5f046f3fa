namespace InventoryPlatform.Contracts.V1;

/// <summary>Why a count changed the ledger: units found, lost, or damaged in the warehouse (the last two are owed to the seller).</summary>
public enum AdjustmentReason
{
    Found,
    Lost,
    DamagedInWarehouse,
}
