namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Everything known about the sellable stock of one FNSKU at one moment.</summary>
public sealed record ItemSituation(
    string Fnsku,
    ItemProfile Item,
    IReadOnlyList<InventoryLot> Lots,
    ExcessAnalysis Excess,
    DateTimeOffset Now
);
