namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// The units a removal order holds at one FC (pending removal), and whether the order has ended (completed or cancelled).
/// </summary>
public sealed record RemovalHold(int Held, bool Closed);
