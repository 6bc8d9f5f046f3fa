using InventoryPlatform.Messaging;

namespace InventoryPlatform.UnitTests;

public sealed class ReceiveEndpointWatchdogSpecs
{
    [TestCase("rabbitmq://broker/inventory/allocation-units-received", "allocation-units-received", TestName = "A service's durable queue is watched")]
    [TestCase("rabbitmq://broker/allocation-units-received", "allocation-units-received", TestName = "A queue on the default virtual host is watched")]
    [TestCase("rabbitmq://broker/inventory/host_allocation_bus_abc?temporary=true", null, TestName = "The bus's temporary queue is not watched")]
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
        Assert.That(_silence.Observe("q", 0, Start.AddSeconds(95)), Is.EqualTo(TimeSpan.FromSeconds(45)), "and a restart that did not help is tried again");
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

    [Test]
    public void An_endpoint_that_would_not_stop_stays_wedged_until_its_queue_has_a_consumer_again()
    {
        _silence.StopFailed("q", Start);
        _silence.StopFailed("q", Start.AddSeconds(60));
        _silence.BrokerUnanswered();
        _silence.Observe("q", 0, Start.AddSeconds(70));
        Assert.That(_silence.Wedged, Is.EquivalentTo(new Dictionary<string, DateTimeOffset> { ["q"] = Start }), "first seen, kept through silence and outage");

        _silence.Observe("q", 1, Start.AddSeconds(80));
        Assert.That(_silence.Wedged, Is.Empty);
    }
}
