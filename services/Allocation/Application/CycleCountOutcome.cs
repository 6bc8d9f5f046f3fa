using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Application;

/// <summary>What a count found: the ledger's on hand before it, the balance after it, and the adjustment (none when they agreed).</summary>
public sealed record CycleCountOutcome(int PreviousOnHand, StockBalance Balance, AdjustmentRecord? Adjustment);
