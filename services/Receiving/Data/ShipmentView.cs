using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Data;

public sealed record ShipmentView(ShipmentHeader Header, IReadOnlyList<ShipmentLine> Lines);
