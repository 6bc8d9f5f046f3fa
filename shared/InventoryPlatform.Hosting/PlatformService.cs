using System.Reflection;
using InventoryPlatform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

/// <summary>Who a service is: its name (queue prefix, API prefix), its schema, and the assembly holding its migrations.</summary>
public sealed record PlatformService(string Name, string Schema, Assembly Assembly)
{
    public string ApiPrefix => $"/api/{Name}/v1";
}
