namespace InventoryPlatform.Receiving.Api;

public sealed record ScanBatchRequest(IReadOnlyList<ScanRequest>? Scans);
