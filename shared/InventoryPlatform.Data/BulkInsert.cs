using System.Data;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace InventoryPlatform.Data;

/// <summary>
/// Many rows into one table inside the unit of work, in one stream instead of a statement per row: PostgreSQL's binary COPY,
/// SQL Server's bulk copy. For writes of hundreds of thousands of rows (a large seller's forecasts), where round trips, not
/// the rows, would set the time. Values are plain CLR values in column order: string, int, long, double, decimal, bool,
/// Guid, DateTime (UTC) and DateOnly for <c>date</c> columns. Table and column names come from code, never from input.
/// </summary>
public static class BulkInsert
{
    public static async Task<long> BulkInsertAsync(
        this UnitOfWork unit,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows
    )
    {
        switch (unit.Connection)
        {
            case NpgsqlConnection postgres:
            {
                await using var copy = await postgres.BeginBinaryImportAsync(
                    $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)",
                    unit.CancellationToken
                );
                foreach (var row in rows)
                {
                    await copy.WriteRowAsync(unit.CancellationToken, row);
                }

                return (long)await copy.CompleteAsync(unit.CancellationToken);
            }

            case SqlConnection sqlServer:
            {
                using var data = new DataTable();
                var first = true;
                foreach (var row in rows)
                {
                    if (first)
                    {
                        for (var c = 0; c < columns.Count; c++)
                        {
                            data.Columns.Add(columns[c], SqlServerType(row[c]));
                        }

                        first = false;
                    }

                    data.Rows.Add(row.Select(v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v ?? DBNull.Value).ToArray());
                }

                using var bulk = new SqlBulkCopy(sqlServer, SqlBulkCopyOptions.Default, (SqlTransaction)unit.Transaction)
                {
                    DestinationTableName = table,
                    BatchSize = 10_000,
                };
                foreach (var column in columns)
                {
                    bulk.ColumnMappings.Add(column, column);
                }

                await bulk.WriteToServerAsync(data, unit.CancellationToken);
                return data.Rows.Count;
            }

            default:
                throw new NotSupportedException($"No bulk insert for {unit.Connection.GetType().Name}.");
        }
    }

    private static Type SqlServerType(object? value) =>
        value switch
        {
            null => typeof(string),
            DateOnly => typeof(DateTime),
            _ => value.GetType(),
        };
}
