using System.Buffers.Text;
using System.Text;

namespace InventoryPlatform.Hosting;

/// <summary>A page of a list, with the cursor of the next page when there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
