using InventoryPlatform.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.UnitTests;

public sealed class ReceiveEndpointWatchdogSpecs
{
    [TestCase(
        "rabbitmq://broker/inventory/allocation-units-received",
        "allocation-units-received",
        TestName = "A service's durable queue is watched"
    )]
    [TestCase(
        "rabbitmq://broker/allocation-units-received",
        "allocation-units-received",
        TestName = "A queue on the default virtual host is watched"
    )]
    [TestCase(
        "rabbitmq://broker/inventory/host_allocation_bus_abc?temporary=true",
        null,
        TestName = "The bus's temporary queue is not watched"
    )]
    [TestCase("rabbitmq://broker/inventory/replies?durable=false&autodelete=true", null, TestName = "An auto-delete queue is not watched")]
    [TestCase("rabbitmq://broker/inventory/transient?durable=false", null, TestName = "A non-durable queue is not watched")]
    public void Only_durable_queues_are_watched(string address, string? queue) =>
        Assert.That(ReceiveEndpointWatchdog.QueueOf(new Uri(address)), Is.EqualTo(queue));
}

public sealed class EndpointSilenceSpecs
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(45);
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private readonly EndpointSilence _silence = new(StallAfter);

    [Test]
    public void A_queue_without_a_consumer_is_due_for_a_restart_once_it_has_been_silent_for_the_stall_time()
    {
        Assert.That(_silence.Observe("q", 0, Start), Is.Null, "first seen silent");
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(44)), Is.Null, "not yet");
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(45)), Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(50)), Is.Null, "counting starts again after a restart");
        Assert.That(
            _silence.Observe("q", 0, Start.AddSeconds(95)),
            Is.EqualTo(TimeSpan.FromSeconds(45)),
            "and a restart that did not help is tried again"
        );
    }

    [Test]
    public void A_consumer_seen_in_between_starts_the_silence_over()
    {
        _silence.Observe("q", 0, Start);
        _silence.Observe("q", 1, Start.AddSeconds(30));
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(50)), Is.Null);
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(94)), Is.Null);
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(95)), Is.EqualTo(TimeSpan.FromSeconds(45)));
    }

    [Test]
    public void An_unanswered_broker_starts_every_silence_over()
    {
        _silence.Observe("q", 0, Start);
        _silence.BrokerUnanswered();
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(60)), Is.Null);
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(105)), Is.EqualTo(TimeSpan.FromSeconds(45)));
    }
}

public sealed class EndpointRestartSpecs
{
    private readonly WatchdogOptions _options = new() { StopTimeout = TimeSpan.FromSeconds(30), WedgedAfter = TimeSpan.FromMinutes(2) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private EndpointRestarts _restarts = null!;
    private ReceiveEndpointLiveness _liveness = null!;

    [SetUp]
    public void Create()
    {
        _restarts = new EndpointRestarts(_options, _time, NullLogger<EndpointRestarts>.Instance);
        _liveness = new ReceiveEndpointLiveness(_restarts);
    }

    [Test]
    public async Task A_restart_that_finishes_leaves_the_service_alive()
    {
        var stopped = 0;
        await _restarts.RestartAsync(
            "q",
            _ =>
            {
                stopped++;
                return Task.CompletedTask;
            },
            CancellationToken.None
        );

        Assert.That(stopped, Is.EqualTo(1));
        Assert.That(_restarts.IsRestarting("q"), Is.False);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await LivenessAsync()).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task A_stop_that_hangs_is_waited_for_in_the_background_and_fails_liveness_only_after_the_wedged_time()
    {
        var stop = new TaskCompletionSource();
        var restart = _restarts.RestartAsync("allocation-units-received", _ => stop.Task, CancellationToken.None);
        Assert.That(restart.IsCompleted, Is.False, "waits for the stop timeout");
        _time.Advance(TimeSpan.FromSeconds(30));
        await restart;

        Assert.That(_restarts.IsRestarting("allocation-units-received"), Is.True, "the stop goes on");
        Assert.That((await LivenessAsync()).Status, Is.EqualTo(HealthStatus.Healthy), "before the wedged time");

        _time.Advance(TimeSpan.FromSeconds(90));
        var wedged = await LivenessAsync();
        Assert.That(wedged.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(wedged.Description, Does.Contain("allocation-units-received"));

        stop.SetResult();
        Assert.That((await LivenessAsync()).Status, Is.EqualTo(HealthStatus.Healthy), "once the stop finished");
        Assert.That(_restarts.IsRestarting("allocation-units-received"), Is.False);
    }

    [Test]
    public async Task A_failed_restart_is_finished_so_the_watchdog_can_try_again()
    {
        await _restarts.RestartAsync("q", _ => Task.FromException(new InvalidOperationException("channel closed")), CancellationToken.None);

        Assert.That(_restarts.IsRestarting("q"), Is.False);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await LivenessAsync()).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    private Task<HealthCheckResult> LivenessAsync() =>
        _liveness.CheckHealthAsync(
            new HealthCheckContext
            {
                Registration = new HealthCheckRegistration(ReceiveEndpointLiveness.Name, _liveness, HealthStatus.Unhealthy, ["live"]),
            }
        );
}
