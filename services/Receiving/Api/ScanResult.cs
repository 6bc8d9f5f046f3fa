using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Receiving.Api;

public sealed record ScanResult(int Accepted, IReadOnlyList<string> AlreadyScanned);
