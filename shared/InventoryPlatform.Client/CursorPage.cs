namespace InventoryPlatform.Client;

/// <summary>The wire shape of a cursor-paged list: its items and the cursor of the next page, null on the last.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
