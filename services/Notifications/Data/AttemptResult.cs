namespace InventoryPlatform.Notifications.Data;

/// <summary>What one attempt got: a 2xx answer, or the status code and/or error that made it fail.</summary>
public sealed record AttemptResult(bool Delivered, int? StatusCode, int LatencyMs, string? Error);
