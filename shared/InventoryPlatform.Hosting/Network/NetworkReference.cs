namespace InventoryPlatform.Hosting.Network;

/// <summary>The kinds of FC network reference data a request names.</summary>
public enum NetworkReference
{
    FulfillmentCenter,
    Region,
    Marketplace,
}
