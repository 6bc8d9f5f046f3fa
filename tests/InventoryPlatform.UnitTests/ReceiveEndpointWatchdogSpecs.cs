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
