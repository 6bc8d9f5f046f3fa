namespace InventoryPlatform.Client;

/// <summary>The operation (the endpoint's OpenAPI operationId, its <c>WithName</c>) a client method calls.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PlatformOperationAttribute(string operationId) : Attribute
{
    public string OperationId { get; } = operationId;
}
