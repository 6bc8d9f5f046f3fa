namespace InventoryPlatform.Receiving.Api;

public sealed record ShipmentLineResponse(string Fnsku, int ExpectedUnits, int? CasePack, int ReceivedSellable, int ReceivedDamaged);
