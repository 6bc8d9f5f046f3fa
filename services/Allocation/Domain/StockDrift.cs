namespace InventoryPlatform.Allocation.Domain;

/// <summary>A service's count of one stock position of a (seller, FNSKU, FC) that disagrees with the ledger.</summary>
public sealed record StockDrift(
    string Service,
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    string Position,
    int LedgerUnits,
    int ServiceUnits
);
