namespace InventoryPlatform.Returns.Domain;

/// <summary>Why an authorization is refused, naming the request field at fault.</summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Reason);
