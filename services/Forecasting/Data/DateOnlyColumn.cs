using System.Data;
using Dapper;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>Reads a <c>date</c> column as <see cref="DateOnly"/> from either provider: Npgsql returns DateOnly, SqlClient
/// DateTime.</summary>
public sealed class DateOnlyColumn : SqlMapper.TypeHandler<DateOnly>
{
    public override DateOnly Parse(object value) =>
        value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a date."),
        };

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value.ToDateTime(TimeOnly.MinValue);
    }
}
