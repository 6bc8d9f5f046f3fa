namespace InventoryPlatform.Notifications.Api;

/// <summary>How many minutes the previous secret keeps signing (0 to 10080; the service's default when left out).</summary>
public sealed record RotateSecretRequest(int? OverlapMinutes);
