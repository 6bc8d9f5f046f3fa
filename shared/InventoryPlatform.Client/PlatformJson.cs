using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryPlatform.Client;

/// <summary>The API's JSON conventions: camelCase, enums as camelCase strings, nulls left out when writing.</summary>
public static class PlatformJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
