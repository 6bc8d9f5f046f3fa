namespace InventoryPlatform.Primitives;

/// <summary>
/// A request that is well formed but cannot be carried out in the current state (an order already shipped, a
/// recommendation already decided). Handlers throw it inside their unit of work, so nothing is stored; endpoints answer
/// it with a 409 ProblemDetails whose detail is the message.
/// </summary>
public sealed class StateConflictException(string message) : Exception(message);
