namespace InventoryPlatform.IntegrationTests;

/// <summary>The part of a service's OpenAPI document the specs check: every operation's id and summary, by path and method.</summary>
public sealed record OpenApiDocument(IReadOnlyDictionary<string, IReadOnlyDictionary<string, OpenApiOperation>> Paths)
{
    public IEnumerable<OpenApiOperation> Operations() => Paths.Values.SelectMany(p => p.Values);
}

public sealed record OpenApiOperation(string? OperationId, string? Summary);
