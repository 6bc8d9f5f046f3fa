namespace InventoryPlatform.Receiving.Application;

/// <summary>Limits did not answer in time (or the bus is away): nothing can be promised.</summary>
public sealed class CapacityUnavailableException(string message, Exception inner) : Exception(message, inner);
