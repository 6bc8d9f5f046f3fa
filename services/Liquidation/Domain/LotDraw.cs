namespace InventoryPlatform.Liquidation.Domain;

/// <summary>What one consumption took from one lot.</summary>
public sealed record LotDraw(Guid LotId, int Quantity, int RemainingInLot);
