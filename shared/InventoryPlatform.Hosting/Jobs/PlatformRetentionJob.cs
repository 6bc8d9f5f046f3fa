using InventoryPlatform.Data;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting.Jobs;

/// <summary>
/// Purges what the platform tables would otherwise keep for ever: outbox rows sent before <see cref="RetentionOptions.SentOutbox"/>,
/// inbox rows received before <see cref="RetentionOptions.Inbox"/> and idempotency keys created before
/// <see cref="RetentionOptions.IdempotencyKeys"/>. Deletes run in bounded statements of <see cref="RetentionOptions.BatchSize"/>
/// rows, each its own transaction, so a large backlog never holds long locks against the service's writes.
/// </summary>
public sealed class PlatformRetentionJob(
    Database database,
    RetentionOptions options,
    TimeProvider time,
    ILogger<PlatformRetentionJob> logger
) : IScheduledJob
{
    public const string Name = "platform-retention";

    private readonly string _sentOutbox = database.Dialect.DeleteBatch(
        $"{database.Schema}.outbox",
        "sent_at IS NOT NULL AND sent_at < @Before"
    );

    private readonly string _inbox = database.Dialect.DeleteBatch($"{database.Schema}.inbox", "received_at < @Before");

    private readonly string _idempotencyKeys = database.Dialect.DeleteBatch($"{database.Schema}.idempotency_keys", "created_at < @Before");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outbox = await PurgeAsync(_sentOutbox, now - options.SentOutbox, cancellationToken);
        var inbox = await PurgeAsync(_inbox, now - options.Inbox, cancellationToken);
        var keys = await PurgeAsync(_idempotencyKeys, now - options.IdempotencyKeys, cancellationToken);
        logger.LogInformation(
            "Purged {Outbox} sent outbox rows, {Inbox} inbox rows and {Keys} idempotency keys past their retention.",
            outbox,
            inbox,
            keys
        );
    }

    private async Task<int> PurgeAsync(string delete, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await database.InTransactionAsync(
                unit => unit.ExecuteAsync(delete, new { Before = before.UtcDateTime, limit = options.BatchSize }),
                cancellationToken
            );
            total += deleted;
        } while (deleted == options.BatchSize && !cancellationToken.IsCancellationRequested);

        return total;
    }
}
