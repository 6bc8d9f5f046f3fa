using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Reads every JSON string of a request and refuses one with a control character: a NUL would otherwise reach the
/// database, which rejects it with an error a partner cannot act on.
/// </summary>
internal sealed class ControlCharacterRefusal : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && ControlCharacterException.HasRefused(value) ? throw new ControlCharacterException() : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
