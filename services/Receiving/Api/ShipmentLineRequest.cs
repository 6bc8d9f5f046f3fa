namespace InventoryPlatform.Receiving.Api;

public sealed record ShipmentLineRequest(string? Fnsku, int ExpectedUnits, int? CasePack);
