using System.Runtime.CompilerServices;
using Dapper;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// Streams a seller's journal rows of a time range, unbuffered: one query (one consistent snapshot), read row by row as
/// the response is written, so an export of any size holds one row in memory. Not retried: rows already sent cannot be
/// taken back, so a fault ends the response and the caller asks again.
/// </summary>
public sealed class JournalExport(DbConnectionFactory connections)
{
    public async IAsyncEnumerable<JournalEntry> ReadAsync(
        string sellerId,
        DateTime from,
        DateTime to,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<JournalEntry>(
            "SELECT id, fnsku, fulfillment_center AS FulfillmentCenter, bucket, quantity, reason, source_id AS SourceId, "
                + "occurred_at AS OccurredAt FROM allocation.stock_movements "
                + "WHERE seller_id = @SellerId AND occurred_at >= @From AND occurred_at < @To ORDER BY occurred_at, id",
            new
            {
                SellerId = sellerId,
                From = from,
                To = to,
            }
        );
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
