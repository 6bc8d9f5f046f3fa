namespace InventoryPlatform.Receiving.Api;

public sealed record ConfigureBinsRequest(IReadOnlyList<BinRequest>? Bins);
