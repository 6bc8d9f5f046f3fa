using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryPlatform.Hosting;

/// <summary>The scopes a partner key can hold.</summary>
public static class PlatformScopes
{
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string ShipmentsWrite = "shipments:write";
    public const string OrdersWrite = "orders:write";
    public const string ReturnsWrite = "returns:write";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [InventoryRead, InventoryWrite, ShipmentsWrite, OrdersWrite, ReturnsWrite, Admin];

    /// <summary>
    /// The scope a request needs, by convention: reading anything needs inventory:read; writing needs the
    /// write scope of the service it goes to.
    /// </summary>
    public static string Required(string service, string method) =>
        HttpMethodIsRead(method)
            ? InventoryRead
            : service switch
            {
                "receiving" => ShipmentsWrite,
                "allocation" => OrdersWrite,
                "returns" => ReturnsWrite,
                "gateway" => Admin,
                _ => InventoryWrite,
            };

    private static bool HttpMethodIsRead(string method) => method is "GET" or "HEAD" or "OPTIONS";
}
