namespace InventoryPlatform.Returns.Api;

/// <summary>Units scanned at an FC's returns dock: for an authorized return (<c>returnId</c>), or without one (<c>fnsku</c>
/// only).</summary>
public sealed record ReceiptRequest(string? FulfillmentCenter, Guid? ReturnId, string? Fnsku, IReadOnlyList<string?>? UnitIds);
