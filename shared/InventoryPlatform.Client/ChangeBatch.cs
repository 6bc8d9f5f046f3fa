namespace InventoryPlatform.Client;

/// <summary>
/// One page of an incremental sync (<c>changedSince</c>): the changes, and the cursor to keep. When <see cref="CaughtUp"/>,
/// <see cref="NextCursor"/> is where the next sync starts; store it with what you applied.
/// </summary>
public sealed record ChangeBatch<T>(IReadOnlyList<T> Items, string NextCursor, bool CaughtUp);
