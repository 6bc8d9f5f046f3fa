using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class InboundRulesSpecs
{
    [TestCase(true, false, 20, 0, 20)]
    [TestCase(true, false, 20, 12, 8)]
    [TestCase(true, false, 20, 20, 0)]
    [TestCase(true, false, 20, 25, 0)]
    [TestCase(false, false, 20, 0, 0)]
    [TestCase(true, true, 20, 12, 0)]
    [TestCase(false, true, 0, 3, 0)]
    public void Outstanding_inbound_is_what_was_shipped_and_not_yet_scanned_until_the_shipment_ends(
        bool shipped,
        bool closed,
        int expected,
        int received,
        int outstanding
    ) => Assert.That(InboundRules.Outstanding(shipped, closed, expected, received), Is.EqualTo(outstanding));

    [Test]
    public void A_scan_before_the_shipped_event_ends_at_the_same_inbound_as_after_it()
    {
        // Shipped (20) then scanned (12): 0 → 20 → 8. Scanned (12) then shipped (20): 0 → 0 → 8.
        var shippedFirst = InboundRules.Outstanding(true, false, 20, 12);
        var scannedFirst = InboundRules.Outstanding(true, false, 20, 12);
        var beforeShipped = InboundRules.Outstanding(false, false, 0, 12);

        Assert.That((beforeShipped, shippedFirst, scannedFirst), Is.EqualTo((0, 8, 8)));
    }
}
