namespace InventoryPlatform.Receiving.Api;

public sealed record ReportLine(string Fnsku, int ExpectedUnits, int ReceivedSellable, int ReceivedDamaged, int Shortage, int Overage);
