namespace InventoryPlatform.Returns.Data;

public sealed record FnskuReturnFigures(string Fnsku, int ShippedUnits, int ReturnedUnits);
