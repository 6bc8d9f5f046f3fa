namespace InventoryPlatform.Limits.Data;

/// <summary>Days as the <c>date</c> columns store them: a DateTime without a zone, so neither engine shifts it.</summary>
public static class Dates
{
    public static DateTime Day(DateTimeOffset at) => DateTime.SpecifyKind(at.UtcDateTime.Date, DateTimeKind.Unspecified);

    public static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>A <c>date</c> column as read: Npgsql returns DateOnly, SqlClient DateTime.</summary>
    public static DateOnly ToDay(object day) =>
        day switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => throw new InvalidCastException($"A date column returned {day.GetType()}."),
        };
}
