namespace InventoryPlatform.Allocation.Api;

/// <summary>
/// One page of balances changed since a cursor. <c>nextCursor</c> is always given: the next page of this window, or when
/// <c>caughtUp</c> the start of the next window (changes after this one); keep it and ask again later.
/// </summary>
public sealed record StockChangesPage(IReadOnlyList<StockChangeResponse> Items, string NextCursor, bool CaughtUp);
