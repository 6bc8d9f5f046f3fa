using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class ReceivingRulesSpecs
{
    private static readonly Dimensions Box = new(30, 20, 10, 1.2m);

    [Test]
    public void Generated_fnskus_are_well_formed_and_distinct()
    {
        var fnskus = Enumerable.Range(0, 2000).Select(_ => Fnsku.New().Value).ToList();

        Assert.That(fnskus, Is.All.Matches<string>(f => Fnsku.IsValid(f) && f.StartsWith("X0", StringComparison.Ordinal)));
        Assert.That(fnskus.Distinct().Count(), Is.EqualTo(fnskus.Count));
        Assert.That(fnskus.SelectMany(f => f[2..]), Has.None.AnyOf('I', 'O'), "I and O are not in the alphabet");
    }

    [Test]
    public void A_complete_item_registration_breaks_no_rule()
    {
        var errors = ItemRules.Check("SKU-1", "Mug", StorageType.Standard, Box, new Money(9.99m, "USD"));

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Each_broken_item_rule_names_its_field()
    {
        var errors = ItemRules.Check("", null, null, Box with { WidthCm = 0 }, new Money(-1, "usd")).Select(e => e.Field).ToList();

        Assert.That(
            errors,
            Is.EquivalentTo(new[] { "sellerSku", "title", "storageType", "dimensions.widthCm", "listPrice.amount", "listPrice.currency" })
        );
    }

    [Test]
    public void A_shipment_plan_needs_positive_quantities_and_distinct_known_shaped_fnskus()
    {
        var fnsku = Fnsku.New().Value;
        var errors = ShipmentLifecycle.CheckPlan("SEA1", [(fnsku, 10, 5), (fnsku, 0, null), ("not-fnsku", 3, 2)]).ToList();

        Assert.That(
            errors,
            Is.EquivalentTo(
                new[]
                {
                    ("lines[1].fnsku", "Appears on more than one line."),
                    ("lines[1].expectedUnits", "Must be between 1 and 1,000,000."),
                    ("lines[2].fnsku", Fnsku.Rule),
                    ("lines[2].casePack", "Must be positive and divide expectedUnits."),
                }
            )
        );
    }

    [Test]
    public void A_shipment_plan_without_lines_or_fc_is_refused()
    {
        var errors = ShipmentLifecycle.CheckPlan("SEA 1", []).Select(e => e.Field).ToList();

        Assert.That(errors, Is.EquivalentTo(new[] { "fulfillmentCenter", "lines" }));
    }

    [TestCase(ShipmentStatus.Created, true)]
    [TestCase(ShipmentStatus.InTransit, true)]
    [TestCase(ShipmentStatus.Receiving, true)]
    [TestCase(ShipmentStatus.Closed, false)]
    [TestCase(ShipmentStatus.Cancelled, false)]
    public void Scans_are_accepted_only_until_a_shipment_is_closed_or_cancelled(ShipmentStatus status, bool accepts) =>
        Assert.That(ShipmentLifecycle.AcceptsScans(status), Is.EqualTo(accepts));

    [Test]
    public void A_scan_of_a_barcode_not_on_the_shipment_is_refused_with_its_position()
    {
        var onShipment = new HashSet<string> { "X0AAAAAAAA" };
        Scan[] scans =
        [
            new("U1", "X0AAAAAAAA", UnitCondition.Sellable),
            new("U2", "X0BBBBBBBB", UnitCondition.Sellable),
            new("", "X0AAAAAAAA", UnitCondition.Damaged),
        ];

        var errors = ScanRules.Check(scans, onShipment, "scans").ToList();

        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors[0], Is.EqualTo(("scans[1].fnsku", "Unknown barcode: X0BBBBBBBB is not on this shipment.")));
        Assert.That(errors[1].Item1, Is.EqualTo("scans[2].unitId"));
    }

    [Test]
    public void Recorded_scans_are_grouped_per_fnsku_and_condition_for_the_events()
    {
        Scan[] scans =
        [
            new("U1", "X0BBBBBBBB", UnitCondition.Sellable),
            new("U2", "X0AAAAAAAA", UnitCondition.Damaged),
            new("U3", "X0AAAAAAAA", UnitCondition.Sellable),
            new("U4", "X0AAAAAAAA", UnitCondition.Sellable),
        ];

        var groups = ScanRules.GroupForEvents(scans).Select(g => (g.Fnsku, g.Condition, string.Join(",", g.UnitIds))).ToList();

        Assert.That(
            groups,
            Is.EqualTo(
                new[]
                {
                    ("X0AAAAAAAA", UnitCondition.Sellable, "U3,U4"),
                    ("X0AAAAAAAA", UnitCondition.Damaged, "U2"),
                    ("X0BBBBBBBB", UnitCondition.Sellable, "U1"),
                }
            )
        );
    }
}
