using Microsoft.Extensions.Configuration;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Settings a test changes while a host runs, as an operator changes a mounted file: the host's configuration reloads and
/// whatever follows it (the identity keys a service trusts) sees the new value at once.
/// </summary>
public sealed class ReloadableSettings : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Change(string key, string value)
    {
        Data[key] = value;
        OnReload();
    }
}
