using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class PutawaySpecs
{
    private static readonly BinSpace Near = new("A-01", "A", 5, 10, 0);
    private static readonly BinSpace Middle = new("B-01", "B", 20, 10, 0);
    private static readonly BinSpace Far = new("C-01", "C", 60, 10, 0);
    private static readonly Dictionary<string, decimal> Velocity = new() { ["X0FAST0001"] = 12m, ["X0SLOW0001"] = 0.1m };

    private static List<UnitToStow> Units(string fnsku, int count, decimal cubicFeet) =>
        Enumerable.Range(1, count).Select(i => new UnitToStow($"{fnsku}-{i}", fnsku, cubicFeet)).ToList();

    [Test]
    public void A_fast_mover_goes_to_the_nearest_bin_and_a_slow_one_to_the_farthest()
    {
        var plan = Putaway.Assign(
            [.. Units("X0FAST0001", 1, 1), .. Units("X0SLOW0001", 1, 1)],
            [Far, Near, Middle],
            Velocity,
            fastMoverUnitsPerDay: 1
        );

        Assert.That(plan.Assignments, Is.EqualTo(new (string, string?)[] { ("X0FAST0001-1", "A-01"), ("X0SLOW0001-1", "C-01") }));
    }

    [Test]
    public void An_item_never_sold_here_counts_as_slow()
    {
        var plan = Putaway.Assign(Units("X0NEW00001", 1, 1), [Near, Far], Velocity, fastMoverUnitsPerDay: 1);

        Assert.That(plan.Assignments.Single().BinId, Is.EqualTo("C-01"));
    }

    [Test]
    public void A_full_bin_sends_the_rest_to_the_next_nearest_and_no_bin_holds_more_than_its_capacity()
    {
        var plan = Putaway.Assign(Units("X0FAST0001", 7, 3), [Near, Middle, Far], Velocity, fastMoverUnitsPerDay: 1);

        Assert.That(
            plan.Assignments.GroupBy(a => a.BinId).ToDictionary(g => g.Key ?? "none", g => g.Count()),
            Is.EqualTo(
                new Dictionary<string, int>
                {
                    ["A-01"] = 3,
                    ["B-01"] = 3,
                    ["C-01"] = 1,
                }
            )
        );
        Assert.That(plan.Bins.Select(b => (b.BinId, b.UsedCubicFeet)), Is.EqualTo(new[] { ("A-01", 9m), ("B-01", 9m), ("C-01", 3m) }));
        Assert.That(plan.Bins, Is.All.Matches<BinSpace>(b => b.UsedCubicFeet <= b.CapacityCubicFeet));
    }

    [Test]
    public void Volume_already_in_a_bin_counts_against_its_capacity()
    {
        var plan = Putaway.Assign(Units("X0FAST0001", 1, 2), [Near with { UsedCubicFeet = 9 }, Middle], Velocity, fastMoverUnitsPerDay: 1);

        Assert.That(plan.Assignments.Single().BinId, Is.EqualTo("B-01"));
    }

    [Test]
    public void A_unit_no_bin_has_room_for_gets_no_bin()
    {
        var plan = Putaway.Assign(Units("X0SLOW0001", 1, 11), [Near, Far], Velocity, fastMoverUnitsPerDay: 1);

        Assert.That(plan.Assignments.Single().BinId, Is.Null);
        Assert.That(plan.Bins.Sum(b => b.UsedCubicFeet), Is.Zero);
    }

    [Test]
    public void When_near_space_runs_short_the_fastest_mover_keeps_it()
    {
        var velocity = new Dictionary<string, decimal> { ["X0FAST0001"] = 12m, ["X0FAST0002"] = 3m };
        var near = Near with { CapacityCubicFeet = 2 };

        var plan = Putaway.Assign(
            [.. Units("X0FAST0002", 2, 1), .. Units("X0FAST0001", 2, 1)],
            [near, Middle],
            velocity,
            fastMoverUnitsPerDay: 1
        );

        Assert.That(
            plan.Assignments.Where(a => a.BinId == "A-01").Select(a => a.UnitId),
            Is.EquivalentTo(new[] { "X0FAST0001-1", "X0FAST0001-2" })
        );
        Assert.That(
            plan.Assignments.Where(a => a.BinId == "B-01").Select(a => a.UnitId),
            Is.EquivalentTo(new[] { "X0FAST0002-1", "X0FAST0002-2" })
        );
    }

    [Test]
    public void The_assignments_keep_the_order_the_units_came_in()
    {
        var units = new List<UnitToStow> { new("u-3", "X0SLOW0001", 1), new("u-1", "X0FAST0001", 1), new("u-2", "X0SLOW0001", 1) };

        var plan = Putaway.Assign(units, [Near, Far], Velocity, fastMoverUnitsPerDay: 1);

        Assert.That(plan.Assignments.Select(a => a.UnitId), Is.EqualTo(new[] { "u-3", "u-1", "u-2" }));
    }

    [Test]
    public void Each_broken_bin_rule_names_its_field()
    {
        var errors = Putaway.CheckBins([("A-01", "A", 1, 5), ("A-01", "", -1, 0), (null, "Z", 1, 1)]).Select(e => e.Field).ToList();

        Assert.That(
            errors,
            Is.EquivalentTo(
                new[] { "bins[1].binId", "bins[1].zone", "bins[1].pickFaceDistanceMeters", "bins[1].capacityCubicFeet", "bins[2].binId" }
            )
        );
        Assert.That(Putaway.CheckBins([]).Single().Field, Is.EqualTo("bins"));
    }
}
