namespace InventoryPlatform.IntegrationTests;

/// <summary>The gateway's answer to issuing an API key (POST /api/gateway/v1/keys): the key itself is shown only here.</summary>
public sealed record IssuedKey(string Id, string Key, string SellerId, IReadOnlyList<string> Scopes, int PermitsPerSecond, int Burst);
