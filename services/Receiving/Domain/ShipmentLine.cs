namespace InventoryPlatform.Receiving.Domain;

public sealed record ShipmentLine(string Fnsku, int ExpectedUnits, int? CasePack, int ReceivedSellable, int ReceivedDamaged);
