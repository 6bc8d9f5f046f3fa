using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class DemandPlacementSpecs
{
    // West and East, each with its own FC one day away and the other's three days away; a German FC for the cross-border case.
    private static readonly FulfillmentNetwork Network = new(
        [new Region("West", "US"), new Region("East", "US"), new Region("DE", "DE")],
        [
            new FulfillmentCenter("WST1", "US", "West", 1000),
            new FulfillmentCenter("EST1", "US", "East", 1000),
            new FulfillmentCenter("FRA3", "DE", "DE", 1000),
        ],
        [
            new TransitTime("West", "WST1", 24),
            new TransitTime("West", "EST1", 72),
            new TransitTime("East", "EST1", 24),
            new TransitTime("East", "WST1", 72),
            new TransitTime("DE", "FRA3", 24),
        ],
        new CrossBorderPolicy(true, 24)
    );

    [Test]
    public void Inbound_units_are_split_by_regional_demand_and_add_up_exactly()
    {
        var advice = DemandPlacement.Advise(Network, "US", 101, [new RegionalDemandRate("West", 30), new RegionalDemandRate("East", 10)]);

        Assert.That(advice.Select(a => (a.FulfillmentCenter, a.Units)), Is.EqualTo(new[] { ("WST1", 76), ("EST1", 25) }));
        Assert.That(advice.Sum(a => a.Units), Is.EqualTo(101));
        Assert.That(advice[0].DemandShare, Is.EqualTo(0.75));
    }

    [Test]
    public void Without_demand_every_region_of_the_marketplace_counts_the_same()
    {
        var advice = DemandPlacement.Advise(Network, "US", 10, []);

        Assert.That(advice.Select(a => (a.FulfillmentCenter, a.Units)), Is.EquivalentTo(new[] { ("WST1", 5), ("EST1", 5) }));
    }

    [Test]
    public void Another_marketplace_s_FCs_never_get_inbound_advice()
    {
        var advice = DemandPlacement.Advise(Network, "US", 10, [new RegionalDemandRate("DE", 50), new RegionalDemandRate("West", 1)]);

        Assert.That(advice.Select(a => a.FulfillmentCenter), Is.EqualTo(new[] { "WST1" }));
    }

    [Test]
    public void The_rebalancer_moves_stock_from_the_FC_with_surplus_cover_to_the_one_short_of_its_demand_share()
    {
        var proposals = DemandPlacement.Rebalance(
            Network,
            "US",
            "A",
            new Dictionary<string, int> { ["WST1"] = 20, ["EST1"] = 180 },
            [new RegionalDemandRate("West", 15), new RegionalDemandRate("East", 5)],
            minimumUnits: 10
        );

        var proposal = proposals.Single();
        Assert.That((proposal.FromFulfillmentCenter, proposal.ToFulfillmentCenter, proposal.Quantity), Is.EqualTo(("EST1", "WST1", 130)));
        Assert.That(proposal.FromDaysOfCover, Is.EqualTo(36.0));
        Assert.That(proposal.ToDaysOfCover, Is.EqualTo(1.3));
    }

    [Test]
    public void Stock_already_placed_by_demand_is_left_alone()
    {
        var proposals = DemandPlacement.Rebalance(
            Network,
            "US",
            "A",
            new Dictionary<string, int> { ["WST1"] = 148, ["EST1"] = 52 },
            [new RegionalDemandRate("West", 15), new RegionalDemandRate("East", 5)],
            minimumUnits: 10
        );

        Assert.That(proposals, Is.Empty);
    }

    [Test]
    public void A_transfer_in_flight_counts_at_its_destination_so_a_second_run_proposes_nothing()
    {
        // After the first run's 130 units left EST1 (180 → 50 available) and are in transit to WST1.
        var proposals = DemandPlacement.Rebalance(
            Network,
            "US",
            "A",
            new Dictionary<string, int> { ["WST1"] = 20, ["EST1"] = 50 },
            [new RegionalDemandRate("West", 15), new RegionalDemandRate("East", 5)],
            minimumUnits: 10,
            inTransitByCenter: new Dictionary<string, int> { ["WST1"] = 130 }
        );

        Assert.That(proposals, Is.Empty);
    }

    [Test]
    public void Only_available_units_are_sent_and_a_destination_gets_no_more_than_its_free_capacity()
    {
        var onlyAvailable = DemandPlacement.Rebalance(
            Network,
            "US",
            "A",
            new Dictionary<string, int> { ["WST1"] = 0, ["EST1"] = 20 },
            [new RegionalDemandRate("West", 15), new RegionalDemandRate("East", 5)],
            minimumUnits: 10,
            inTransitByCenter: new Dictionary<string, int> { ["EST1"] = 180 }
        );
        var withinCapacity = DemandPlacement.Rebalance(
            Network,
            "US",
            "A",
            new Dictionary<string, int> { ["WST1"] = 20, ["EST1"] = 180 },
            [new RegionalDemandRate("West", 15), new RegionalDemandRate("East", 5)],
            minimumUnits: 10,
            roomByCenter: new Dictionary<string, int> { ["WST1"] = 40, ["EST1"] = 1000 }
        );

        Assert.That(
            onlyAvailable.Select(p => (p.FromFulfillmentCenter, p.ToFulfillmentCenter, p.Quantity)),
            Is.EqualTo(new[] { ("EST1", "WST1", 20) })
        );
        Assert.That(
            withinCapacity.Select(p => (p.FromFulfillmentCenter, p.ToFulfillmentCenter, p.Quantity)),
            Is.EqualTo(new[] { ("EST1", "WST1", 40) })
        );
    }

    [Test]
    public void A_transfer_is_checked_against_the_network()
    {
        var errors = TransferRules.Check(Network, "A1", "WST1", "FRA3", 0).Select(e => e.Field).ToList();
        var same = TransferRules.Check(Network, "A1", "WST1", "wst1", 5).Select(e => e.Field).ToList();

        Assert.That(errors, Is.EquivalentTo(new[] { "toFulfillmentCenter", "quantity" }));
        Assert.That(same, Is.EqualTo(new[] { "toFulfillmentCenter" }));
        Assert.That(TransferRules.Check(Network, "A1", "WST1", "EST1", 5), Is.Empty);
    }

    [Test]
    public void A_transfer_leaves_on_hand_at_the_source_and_is_in_transit_at_the_destination_until_received()
    {
        var id = Guid.NewGuid();
        var (source, destination) = TransferRules.Requested(7, id);
        var atSource = StockLedger.Replay([new StockMovement(StockBucket.OnHand, 10, "Received", "s"), .. source]);
        var atDestination = StockLedger.Replay(destination);
        var arrived = StockLedger.Apply(atDestination, TransferRules.Received(7, id)).Balance!;

        Assert.That((atSource.OnHand, atDestination.InTransit, atDestination.OnHand), Is.EqualTo((3, 7, 0)));
        Assert.That((arrived.OnHand, arrived.InTransit), Is.EqualTo((7, 0)));
    }
}
