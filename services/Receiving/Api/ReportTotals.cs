namespace InventoryPlatform.Receiving.Api;

public sealed record ReportTotals(int ExpectedUnits, int ReceivedSellable, int ReceivedDamaged, int Shortage, int Overage);
