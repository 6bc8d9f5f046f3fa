using System.Net.Sockets;
using InventoryPlatform.Data;
using Npgsql;

namespace InventoryPlatform.UnitTests;

public sealed class SqlRetrySpecs
{
    [TestCase("40001", true, TestName = "A serialization failure is retried")]
    [TestCase("40P01", true, TestName = "A deadlock is retried")]
    [TestCase("57P01", true, TestName = "An administrator shutdown (server restart) is retried")]
    [TestCase("08006", true, TestName = "A connection failure is retried")]
    [TestCase("23505", false, TestName = "A unique violation is not retried")]
    [TestCase("42601", false, TestName = "A syntax error is not retried")]
    public void PostgreSQL_errors_are_retried_only_when_transient(string sqlState, bool transient) =>
        Assert.That(SqlRetry.IsTransient(new PostgresException("message", "ERROR", "ERROR", sqlState)), Is.EqualTo(transient));

    [Test]
    public void A_refused_socket_inside_another_exception_is_transient() =>
        Assert.That(
            SqlRetry.IsTransient(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionRefused))),
            Is.True
        );

    [Test]
    public async Task The_retry_pipeline_runs_a_unit_of_work_again_after_a_transient_fault_and_not_after_another()
    {
        var pipeline = SqlRetry.Create(retryCount: 3);
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new PostgresException("deadlock", "ERROR", "ERROR", "40P01") : ValueTask.FromResult(42);
        });

        Assert.That((result, attempts), Is.EqualTo((42, 3)));
        var permanent = 0;
        Assert.ThrowsAsync<PostgresException>(async () =>
            await pipeline.ExecuteAsync<int>(_ =>
            {
                permanent++;
                throw new PostgresException("dup", "ERROR", "ERROR", "23505");
            })
        );
        Assert.That(permanent, Is.EqualTo(1));
    }
}
