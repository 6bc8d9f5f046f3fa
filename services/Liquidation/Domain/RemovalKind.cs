namespace InventoryPlatform.Liquidation.Domain;

public enum RemovalKind
{
    Liquidation,
    Removal,
    Disposal,
}
