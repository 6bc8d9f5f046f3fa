namespace InventoryPlatform.Client;

/// <summary>A webhook whose signature or timestamp did not check out: answer it with 400 and do not act on it.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
