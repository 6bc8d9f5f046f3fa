namespace InventoryPlatform.Allocation.Data;

/// <summary>A balance as its latest write left it, with that write's change stamp.</summary>
public sealed record StockChangeRow(StockRow Row, long ChangeSeq);
