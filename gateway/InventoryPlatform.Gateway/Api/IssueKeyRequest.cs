using InventoryPlatform.Gateway.Security;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryPlatform.Gateway.Api;

public sealed record IssueKeyRequest(string? SellerId, IReadOnlyList<string>? Scopes, int? PermitsPerSecond, int? Burst);
