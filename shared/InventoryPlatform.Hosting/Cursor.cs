using System.Buffers.Text;
using System.Text;

namespace InventoryPlatform.Hosting;

/// <summary>Opaque cursors: the sort key of the last item returned, base64url-encoded.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static bool TryDecode(string? cursor, out string? lastKey)
    {
        lastKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            lastKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Validates <c>limit</c> and <c>cursor</c> query values into the validation.</summary>
    public static (int Limit, string? After) Read(int? limit, string? cursor, Validation validation)
    {
        validation.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"Must be between 1 and {MaxLimit}.");
        validation.Require(TryDecode(cursor, out var after), "cursor", "Is not a cursor this API returned.");
        return (limit ?? DefaultLimit, after);
    }

    /// <summary>Like <see cref="Read"/>, for lists ordered by a GUID id (the cursor is the last id returned).</summary>
    public static (int Limit, Guid? After) ReadGuid(int? limit, string? cursor, Validation validation)
    {
        var (take, after) = Read(limit, cursor, validation);
        if (after is null)
        {
            return (take, null);
        }

        validation.Require(Guid.TryParse(after, out var id), "cursor", "Is not a cursor this API returned.");
        return (take, id);
    }

    /// <summary>Builds a page from up to limit + 1 rows fetched: the extra row only says another page exists.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rows, int limit, Func<T, string> key) =>
        rows.Count > limit ? new Page<T>(rows.Take(limit).ToList(), Encode(key(rows[limit - 1]))) : new Page<T>(rows, null);
}
