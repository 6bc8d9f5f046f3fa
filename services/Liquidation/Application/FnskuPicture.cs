using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>Everything known about one FNSKU of a seller at one moment: lots, ages, demand, excess, holding cost.</summary>
public sealed record FnskuPicture(
    string Fnsku,
    ItemProfile? Item,
    IReadOnlyList<StoredLot> Lots,
    ExcessAnalysis Excess,
    AgeProfile Sellable,
    AgeProfile Unfulfillable,
    decimal? MonthlyHoldingCost
)
{
    public IReadOnlyList<InventoryLot> LotsOf(StockKind kind) => [.. Lots.Where(l => l.StockKind == kind).Select(l => l.Lot)];
}
