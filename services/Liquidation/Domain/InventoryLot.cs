namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Units of one FNSKU at one FC that arrived together; their age starts at <see cref="ReceivedAt"/>.</summary>
public sealed record InventoryLot(Guid Id, DateTimeOffset ReceivedAt, int Quantity);
