namespace InventoryPlatform.Notifications.Api;

/// <summary>The new secret, shown this once, and until when the previous one still signs alongside it.</summary>
public sealed record RotatedSecretResponse(string Secret, DateTime PreviousSecretValidUntil);
