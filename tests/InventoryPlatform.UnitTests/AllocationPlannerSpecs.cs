using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class AllocationPlannerSpecs
{
    private static readonly ShippingOption Near = new("NEAR1", 24, false);
    private static readonly ShippingOption Mid = new("MID1", 48, false);
    private static readonly ShippingOption Far = new("FAR1", 96, false);

    private static Dictionary<(string, string), int> Stock(params (string Fnsku, string Fc, int Units)[] rows) =>
        rows.ToDictionary(r => (r.Fnsku, r.Fc), r => r.Units);

    [Test]
    public void The_nearest_FC_that_holds_the_whole_order_ships_it()
    {
        var plan = AllocationPlanner.Plan(
            [new LineDemand(1, "A", 3)],
            [Near, Mid, Far],
            Stock(("A", "NEAR1", 3), ("A", "MID1", 50), ("A", "FAR1", 50))
        );

        Assert.That(plan.Allocations, Is.EqualTo(new[] { new PlannedAllocation(1, "A", "NEAR1", 3) }));
        Assert.That(plan.IsComplete, Is.True);
    }

    [Test]
    public void A_single_farther_FC_beats_splitting_between_nearer_ones()
    {
        var plan = AllocationPlanner.Plan(
            [new LineDemand(1, "A", 2), new LineDemand(2, "B", 2)],
            [Near, Mid, Far],
            Stock(("A", "NEAR1", 2), ("B", "MID1", 2), ("A", "FAR1", 2), ("B", "FAR1", 2))
        );

        Assert.That(plan.Splits, Is.EqualTo(1));
        Assert.That(plan.Allocations.Select(a => a.FulfillmentCenter).Distinct(), Is.EqualTo(new[] { "FAR1" }));
    }

    [Test]
    public void Between_equally_near_FCs_the_one_with_more_stock_wins()
    {
        var twin = new ShippingOption("TWIN1", 24, false);

        var plan = AllocationPlanner.Plan([new LineDemand(1, "A", 1)], [Near, twin], Stock(("A", "NEAR1", 5), ("A", "TWIN1", 9)));

        Assert.That(plan.Allocations.Single().FulfillmentCenter, Is.EqualTo("TWIN1"));
    }

    [Test]
    public void When_no_FC_holds_everything_the_order_splits_starting_with_the_FC_covering_the_most()
    {
        var plan = AllocationPlanner.Plan(
            [new LineDemand(1, "A", 10)],
            [Near, Mid, Far],
            Stock(("A", "NEAR1", 3), ("A", "MID1", 2), ("A", "FAR1", 6))
        );

        Assert.That(
            plan.Allocations,
            Is.EqualTo(
                new[]
                {
                    new PlannedAllocation(1, "A", "FAR1", 6),
                    new PlannedAllocation(1, "A", "NEAR1", 3),
                    new PlannedAllocation(1, "A", "MID1", 1),
                }
            )
        );
        Assert.That(plan.IsComplete, Is.True);
    }

    [Test]
    public void What_the_network_does_not_hold_is_backordered_explicitly()
    {
        var plan = AllocationPlanner.Plan(
            [new LineDemand(1, "A", 5), new LineDemand(2, "B", 4)],
            [Near, Mid],
            Stock(("A", "NEAR1", 3), ("A", "MID1", 1))
        );

        Assert.That(plan.Allocations.Sum(a => a.Quantity), Is.EqualTo(4));
        Assert.That(plan.Backordered, Is.EqualTo(new Dictionary<int, int> { [1] = 1, [2] = 4 }));
        Assert.That(plan.IsComplete, Is.False);
        Assert.That(FulfillmentOrderRules.StatusOf(plan), Is.EqualTo(OrderStatus.PartiallyAllocated));
    }

    [Test]
    public void An_order_nothing_can_fill_is_backordered_whole()
    {
        var plan = AllocationPlanner.Plan([new LineDemand(1, "A", 2)], [Near], Stock(("A", "FAR1", 10)));

        Assert.That(plan.IsEmpty, Is.True);
        Assert.That(plan.Backordered[1], Is.EqualTo(2));
        Assert.That(FulfillmentOrderRules.StatusOf(plan), Is.EqualTo(OrderStatus.Backordered));
    }

    [Test]
    public void Stock_at_an_FC_that_cannot_reach_the_region_is_never_used()
    {
        var plan = AllocationPlanner.Plan([new LineDemand(1, "A", 2)], [Mid], Stock(("A", "NEAR1", 10), ("A", "MID1", 1)));

        Assert.That(plan.Allocations, Is.EqualTo(new[] { new PlannedAllocation(1, "A", "MID1", 1) }));
        Assert.That(plan.Backordered[1], Is.EqualTo(1));
    }

    [Test]
    public void Negative_availability_counts_as_none()
    {
        var plan = AllocationPlanner.Plan([new LineDemand(1, "A", 1)], [Near], Stock(("A", "NEAR1", -4)));

        Assert.That(plan.IsEmpty, Is.True);
    }
}

public sealed class FulfillmentNetworkSpecs
{
    private static FulfillmentNetwork Network(bool crossBorder, int penalty) =>
        new(
            [new Region("UK", "UK"), new Region("DE", "DE")],
            [
                new FulfillmentCenter("LTN1", "UK", "UK", 100),
                new FulfillmentCenter("FRA3", "DE", "DE", 100),
                new FulfillmentCenter("MAN2", "UK", "UK", 100),
            ],
            [new TransitTime("UK", "LTN1", 24), new TransitTime("UK", "FRA3", 48), new TransitTime("DE", "FRA3", 24)],
            new CrossBorderPolicy(crossBorder, penalty)
        );

    [Test]
    public void An_FC_of_another_marketplace_ships_at_the_cross_border_penalty_when_allowed()
    {
        var options = Network(crossBorder: true, penalty: 24).OptionsFor("UK", "UK");

        Assert.That(options, Is.EqualTo(new[] { new ShippingOption("LTN1", 24, false), new ShippingOption("FRA3", 72, true) }));
    }

    [Test]
    public void Cross_border_fulfilment_can_be_switched_off()
    {
        var options = Network(crossBorder: false, penalty: 24).OptionsFor("UK", "UK");

        Assert.That(options.Select(o => o.FulfillmentCenter), Is.EqualTo(new[] { "LTN1" }));
    }

    [Test]
    public void An_FC_without_a_transit_time_to_the_region_is_not_an_option()
    {
        var options = Network(crossBorder: true, penalty: 0).OptionsFor("DE", "DE");

        Assert.That(options.Select(o => o.FulfillmentCenter), Is.EqualTo(new[] { "FRA3" }));
    }

    [Test]
    public void An_order_request_is_checked_field_by_field()
    {
        var errors = FulfillmentOrderRules
            .Check(
                Network(true, 0),
                partnerOrderId: null,
                marketplace: "UK",
                shipToRegion: "DE",
                [
                    new OrderLineInput("A1", 0, 5m, "GBP"),
                    new OrderLineInput("A1", 2, -1m, "gbp"),
                    new OrderLineInput("not-an-fnsku", 1, 1m, "GBP"),
                ]
            )
            .ToList();

        Assert.That(
            errors.Select(e => e.Field),
            Is.EquivalentTo(
                new[]
                {
                    "shipToRegion",
                    "lines[0].quantity",
                    "lines[1].fnsku",
                    "lines[1].unitPrice.amount",
                    "lines[1].unitPrice.currency",
                    "lines[2].fnsku",
                }
            )
        );
    }

    [Test]
    public void A_shipped_order_cannot_be_cancelled_and_a_shipment_is_confirmed_once()
    {
        Assert.That(FulfillmentOrderRules.CannotCancel(OrderStatus.PartiallyShipped), Is.Not.Null);
        Assert.That(FulfillmentOrderRules.CannotCancel(OrderStatus.Backordered), Is.Null);
        Assert.That(FulfillmentOrderRules.CannotShip(OrderStatus.PartiallyShipped, 0, 1, "LTN1"), Does.Contain("already"));
        Assert.That(FulfillmentOrderRules.CannotShip(OrderStatus.Allocated, 0, 0, "LTN1"), Does.Contain("No units"));
        Assert.That(FulfillmentOrderRules.CannotShip(OrderStatus.Cancelled, 1, 0, "LTN1"), Does.Contain("cancelled"));
        Assert.That(FulfillmentOrderRules.CannotShip(OrderStatus.PartiallyShipped, 1, 0, "LTN1"), Is.Null);
    }

    [Test]
    public void An_order_with_units_still_backordered_is_only_partially_shipped_and_still_waits_for_stock()
    {
        Assert.That(FulfillmentOrderRules.StatusAfterShipment(0, 0), Is.EqualTo(OrderStatus.Shipped));
        Assert.That(FulfillmentOrderRules.StatusAfterShipment(0, 3), Is.EqualTo(OrderStatus.PartiallyShipped));
        Assert.That(FulfillmentOrderRules.StatusAfterShipment(1, 0), Is.EqualTo(OrderStatus.PartiallyShipped));
        Assert.That(FulfillmentOrderRules.WaitsForBackorders(OrderStatus.PartiallyShipped), Is.True);
        Assert.That(FulfillmentOrderRules.WaitsForBackorders(OrderStatus.Shipped), Is.False);
        Assert.That(FulfillmentOrderRules.WaitsForBackorders(OrderStatus.Cancelled), Is.False);
        Assert.That(FulfillmentOrderRules.StatusAfterBackorderFill(0, anyShipped: true), Is.EqualTo(OrderStatus.PartiallyShipped));
        Assert.That(FulfillmentOrderRules.StatusAfterBackorderFill(0, anyShipped: false), Is.EqualTo(OrderStatus.Allocated));
        Assert.That(FulfillmentOrderRules.StatusAfterBackorderFill(2, anyShipped: false), Is.EqualTo(OrderStatus.PartiallyAllocated));
    }
}
