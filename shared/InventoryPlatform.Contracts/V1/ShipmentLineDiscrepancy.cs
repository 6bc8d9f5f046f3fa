namespace InventoryPlatform.Contracts.V1;

public sealed record ShipmentLineDiscrepancy(
    string Fnsku,
    int ExpectedUnits,
    int ReceivedSellable,
    int ReceivedDamaged,
    int Shortage,
    int Overage
);
