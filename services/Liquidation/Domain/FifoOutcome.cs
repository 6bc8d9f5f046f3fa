namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// The outcome of taking units out first-in-first-out. <see cref="Shortfall"/> is what the lots could not cover
/// (units that arrived before this service knew of them, for instance).
/// </summary>
public sealed record FifoOutcome(IReadOnlyList<InventoryLot> Remaining, IReadOnlyList<LotDraw> Draws, int Shortfall);
