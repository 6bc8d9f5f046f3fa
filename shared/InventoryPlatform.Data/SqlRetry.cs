using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Npgsql;
using Polly;
using Polly.Retry;

namespace InventoryPlatform.Data;

/// <summary>
/// Retries a whole unit of work when either engine reports a fault that goes away by itself:
/// a dropped connection, a restarting server, a deadlock or serialization failure.
/// </summary>
public static class SqlRetry
{
    // SQL Server and Azure SQL numbers that are transient: deadlock victim, timeouts, failover, throttling.
    private static readonly HashSet<int> TransientSqlServerErrors =
    [
        -2,
        20,
        64,
        233,
        1205,
        4060,
        4221,
        10053,
        10054,
        10060,
        10928,
        10929,
        40143,
        40197,
        40501,
        40540,
        40613,
        49918,
        49919,
        49920,
    ];

    public static ResiliencePipeline Create(int retryCount) =>
        new ResiliencePipelineBuilder()
            .AddRetry(
                new RetryStrategyOptions
                {
                    MaxRetryAttempts = retryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                }
            )
            .Build();

    public static bool IsTransient(Exception exception) =>
        exception switch
        {
            PostgresException pg => IsTransientPostgres(pg.SqlState),
            NpgsqlException npgsql => npgsql.IsTransient,
            SqlException sql => sql.Errors.Cast<SqlError>().Any(e => TransientSqlServerErrors.Contains(e.Number)),
            DbException db => db.IsTransient,
            SocketException or TimeoutException => true,
            _ => exception.InnerException is { } inner && IsTransient(inner),
        };

    private static bool IsTransientPostgres(string sqlState) =>
        sqlState
            is PostgresErrorCodes.SerializationFailure
                or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections
        || sqlState.StartsWith("08", StringComparison.Ordinal);
}
