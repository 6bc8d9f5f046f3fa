namespace InventoryPlatform.Client;

/// <summary>Where the gateway is and the key the partner was issued.</summary>
public sealed class PlatformClientOptions
{
    /// <summary>The gateway's address, e.g. <c>https://inventory.example.com</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key, sent as <c>X-Api-Key</c> on every call.</summary>
    public string ApiKey { get; set; } = "";
}
