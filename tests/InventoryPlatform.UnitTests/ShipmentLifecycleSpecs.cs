using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class ShipmentLifecycleSpecs
{
    [TestCase(ShipmentStatus.Created, ShipmentAction.Ship, 0, ShipmentStatus.InTransit)]
    [TestCase(ShipmentStatus.InTransit, ShipmentAction.Close, 0, ShipmentStatus.Closed)]
    [TestCase(ShipmentStatus.Receiving, ShipmentAction.Close, 5, ShipmentStatus.Closed)]
    [TestCase(ShipmentStatus.Created, ShipmentAction.Cancel, 0, ShipmentStatus.Cancelled)]
    [TestCase(ShipmentStatus.InTransit, ShipmentAction.Cancel, 0, ShipmentStatus.Cancelled)]
    public void Legal_transitions_lead_to_the_next_status(ShipmentStatus from, ShipmentAction action, int received, ShipmentStatus to)
    {
        var transition = ShipmentLifecycle.Apply(from, action, received);

        Assert.That(transition.IsAllowed, Is.True, transition.Refusal);
        Assert.That(transition.To, Is.EqualTo(to));
    }

    [TestCase(ShipmentStatus.InTransit, ShipmentAction.Ship, 0, "already in transit")]
    [TestCase(ShipmentStatus.Receiving, ShipmentAction.Ship, 3, "Only a Created shipment can be shipped")]
    [TestCase(ShipmentStatus.Closed, ShipmentAction.Ship, 3, "this one is Closed")]
    [TestCase(ShipmentStatus.Created, ShipmentAction.Close, 0, "never shipped")]
    [TestCase(ShipmentStatus.Closed, ShipmentAction.Close, 3, "already Closed")]
    [TestCase(ShipmentStatus.Cancelled, ShipmentAction.Close, 0, "already Cancelled")]
    [TestCase(ShipmentStatus.Receiving, ShipmentAction.Cancel, 4, "4 unit(s) were already received")]
    [TestCase(ShipmentStatus.Closed, ShipmentAction.Cancel, 4, "already Closed")]
    [TestCase(ShipmentStatus.Cancelled, ShipmentAction.Cancel, 0, "already Cancelled")]
    public void Illegal_transitions_are_refused_with_the_reason(ShipmentStatus from, ShipmentAction action, int received, string reason)
    {
        var transition = ShipmentLifecycle.Apply(from, action, received);

        Assert.That(transition.IsAllowed, Is.False);
        Assert.That(transition.Refusal, Does.Contain(reason));
    }

    [Test]
    public void Every_status_and_action_has_an_answer()
    {
        foreach (var status in Enum.GetValues<ShipmentStatus>())
        {
            foreach (var action in Enum.GetValues<ShipmentAction>())
            {
                var transition = ShipmentLifecycle.Apply(status, action, 0);
                Assert.That(transition.IsAllowed ^ (transition.Refusal is not null), Is.True, $"{action} from {status}");
            }
        }
    }
}

public sealed class DiscrepancySpecs
{
    [Test]
    public void A_line_received_exactly_as_planned_has_no_discrepancy()
    {
        var line = Discrepancies.For(new ShipmentLine("X0AAAAAAAA", 10, null, 10, 0));

        Assert.That(line.Shortage, Is.Zero);
        Assert.That(line.Overage, Is.Zero);
        Assert.That(Discrepancies.IsClean(line), Is.True);
    }

    [Test]
    public void Units_that_never_arrived_are_a_shortage()
    {
        var line = Discrepancies.For(new ShipmentLine("X0AAAAAAAA", 10, null, 7, 0));

        Assert.That((line.Shortage, line.Overage), Is.EqualTo((3, 0)));
        Assert.That(Discrepancies.IsClean(line), Is.False);
    }

    [Test]
    public void Units_beyond_the_plan_are_an_overage()
    {
        var line = Discrepancies.For(new ShipmentLine("X0AAAAAAAA", 10, null, 11, 2));

        Assert.That((line.Shortage, line.Overage), Is.EqualTo((0, 3)));
    }

    [Test]
    public void Damaged_units_arrived_so_they_are_not_short_but_they_are_reported()
    {
        var line = Discrepancies.For(new ShipmentLine("X0AAAAAAAA", 10, null, 8, 2));

        Assert.That((line.Shortage, line.Overage, line.ReceivedDamaged), Is.EqualTo((0, 0, 2)));
        Assert.That(Discrepancies.IsClean(line), Is.False, "damaged units are a discrepancy");
    }

    [Test]
    public void A_line_nothing_arrived_for_is_short_by_everything()
    {
        var line = Discrepancies.For(new ShipmentLine("X0AAAAAAAA", 24, 12, 0, 0));

        Assert.That((line.ExpectedUnits, line.Shortage, line.Overage), Is.EqualTo((24, 24, 0)));
    }

    [Test]
    public void Each_line_of_a_shipment_is_compared_on_its_own_in_fnsku_order()
    {
        var lines = Discrepancies.For([
            new ShipmentLine("X0CCCCCCCC", 5, null, 5, 1),
            new ShipmentLine("X0AAAAAAAA", 10, null, 4, 1),
            new ShipmentLine("X0BBBBBBBB", 3, null, 3, 0),
        ]);

        Assert.That(
            lines.Select(l => (l.Fnsku, l.Shortage, l.Overage, l.ReceivedDamaged)),
            Is.EqualTo(new[] { ("X0AAAAAAAA", 5, 0, 1), ("X0BBBBBBBB", 0, 0, 0), ("X0CCCCCCCC", 0, 1, 1) })
        );
    }
}

public sealed class CapacityRequestSpecs
{
    private static Item ItemOf(StorageType type, decimal l, decimal w, decimal h) =>
        new(Fnsku.New().Value, "s", "sku", "t", type, new Dimensions(l, w, h, 1), new Money(1, "USD"));

    [Test]
    public void Volumes_are_item_volume_times_units_summed_per_storage_type_and_rounded_up()
    {
        var mug = ItemOf(StorageType.Standard, 20, 15, 10); // 0.105944 ft³
        var book = ItemOf(StorageType.Standard, 30.48m, 30.48m, 30.48m); // exactly 1 ft³
        var boot = ItemOf(StorageType.Footwear, 30, 20, 12);

        var volumes = CapacityRequest.VolumesFor([(mug, 100), (book, 3), (boot, 10)]);

        Assert.That(
            volumes.Select(v => (v.StorageType, v.CubicFeet)),
            Is.EqualTo(new[] { (StorageType.Standard, 13.5945m), (StorageType.Footwear, 2.5427m) })
        );
    }

    [Test]
    public void A_tiny_volume_is_never_rounded_down_to_nothing()
    {
        var pin = ItemOf(StorageType.Standard, 1, 1, 1);

        Assert.That(CapacityRequest.VolumesFor([(pin, 1)]).Single().CubicFeet, Is.EqualTo(0.0001m));
    }
}
