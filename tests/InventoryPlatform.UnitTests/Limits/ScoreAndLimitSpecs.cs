using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.UnitTests.LimitsSpecs;

public sealed class ScoreAndLimitSpecs
{
    private static readonly StorageTypeBounds Bounds = new(StarterCubicFeet: 1000m, FloorCubicFeet: 50m, CeilingCubicFeet: 5000m);

    [Test]
    public void The_score_weights_excess_sell_through_stranded_and_in_stock()
    {
        var score = PerformanceScoring.Compute(
            new ScoreInputs(ExcessShare: 0.2, SellThroughRate90Days: 0.5, StrandedShare: 0.1, InStockRate: 0.9)
        );

        // 1000 × (0.30 × 0.8 + 0.30 × 0.5 + 0.15 × 0.9 + 0.25 × 0.9) = 240 + 150 + 135 + 225 = 750.
        Assert.That(score.Score, Is.EqualTo(750));
        Assert.That(
            score.Components.Select(c => (c.Name, Math.Round(c.Contribution, 6))),
            Is.EqualTo(new[] { ("excessShare", 240.0), ("sellThroughRate", 150.0), ("strandedShare", 135.0), ("inStockRate", 225.0) })
        );
        Assert.That(score.Components.Sum(c => c.Weight), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void The_score_runs_from_0_to_1000()
    {
        Assert.That(
            PerformanceScoring.Compute(new ScoreInputs(0, 3.0, 0, 1)).Score,
            Is.EqualTo(1000),
            "sell-through above target is capped"
        );
        Assert.That(PerformanceScoring.Compute(new ScoreInputs(1, 0, 1, 0)).Score, Is.Zero);
    }

    [Test]
    public void A_new_seller_gets_the_starter_limit_whatever_its_figures()
    {
        Assert.That(
            LimitDerivation.Derive(new LimitInputs(StorageType.Standard, 0, IsNewSeller: true, 0, 0, 0), Bounds),
            Is.EqualTo(1000m)
        );
    }

    [Test]
    public void An_established_sellers_limit_is_its_best_season_scaled_by_score()
    {
        // Basis: the larger of 200 ft³ (last 90 days) and 300 ft³ (same season last year) = 300; score 600 → × (0.5 + 0.9) = 420.
        var limit = LimitDerivation.Derive(new LimitInputs(StorageType.Standard, 600, false, 200m, 300m, NetworkFreeShare: 0.5), Bounds);

        Assert.That(limit, Is.EqualTo(420m));
    }

    [Test]
    public void A_tight_network_scales_limits_down_in_proportion()
    {
        // 10% free is half the 20% threshold: 420 × 0.5 = 210.
        Assert.That(
            LimitDerivation.Derive(new LimitInputs(StorageType.Standard, 600, false, 200m, 300m, NetworkFreeShare: 0.1), Bounds),
            Is.EqualTo(210m)
        );
        Assert.That(LimitDerivation.NetworkFactor(0.35), Is.EqualTo(1m));
    }

    [Test]
    public void Derived_limits_stay_between_floor_and_ceiling()
    {
        Assert.That(
            LimitDerivation.Derive(new LimitInputs(StorageType.Standard, 900, false, 0m, 0m, 1), Bounds),
            Is.EqualTo(50m),
            "no sales: the floor"
        );
        Assert.That(
            LimitDerivation.Derive(new LimitInputs(StorageType.Standard, 1000, false, 9000m, 0m, 1), Bounds),
            Is.EqualTo(5000m),
            "9000 × 2: the ceiling"
        );
    }

    [Test]
    public void Stock_over_a_dropped_limit_is_an_overage_charged_per_day()
    {
        var overage = Overages.Check(StorageType.Apparel, limit: 100m, used: 130.5m, monthlyFeePerCubicFoot: 10m);

        // 30.5 ft³ × $10 a month ÷ 30 days = $10.1667 → $10.17 a day.
        Assert.That(overage, Is.EqualTo(new Overage(StorageType.Apparel, 100m, 130.5m, 30.5m, 10.17m)));
        Assert.That(Overages.Check(StorageType.Apparel, 100m, 100m, 10m), Is.Null);
    }

    [Test]
    public void A_seller_goes_over_its_limits_only_on_the_recompute_that_first_finds_an_overage()
    {
        var over = new[] { new Overage(StorageType.Apparel, 100m, 130.5m, 30.5m, 10.17m) };

        Assert.That(Overages.GoesOver(wasOverLimit: false, over), Is.True, "within limits before, over now");
        Assert.That(Overages.GoesOver(wasOverLimit: true, over), Is.False, "still over: told already");
        Assert.That(Overages.GoesOver(wasOverLimit: true, []), Is.False, "back under limits");
        Assert.That(Overages.GoesOver(wasOverLimit: false, []), Is.False, "never over");
    }

    [Test]
    public void A_shipment_is_granted_only_when_used_plus_inbound_plus_requested_fits_every_type()
    {
        var limits = new VolumeByType { [StorageType.Standard] = 20m, [StorageType.Footwear] = 5m };
        var used = new VolumeByType { [StorageType.Standard] = 10.5945m };

        Assert.That(
            CapacityDecision.Check([new StorageVolume(StorageType.Standard, 9.4055m)], limits, used),
            Is.Null,
            "exactly up to the limit fits"
        );
        var shortfall = CapacityDecision.Check(
            [new StorageVolume(StorageType.Standard, 5m), new StorageVolume(StorageType.Footwear, 5.0001m)],
            limits,
            used
        );
        Assert.That(shortfall, Is.EqualTo(new CapacityShortfall(StorageType.Footwear, 5m, 0m, 5.0001m)));
        Assert.That(
            CapacityDecision.Check([new StorageVolume(StorageType.Standard, 10.5945m)], limits, used),
            Is.EqualTo(new CapacityShortfall(StorageType.Standard, 20m, 10.5945m, 10.5945m))
        );
        Assert.That(CapacityDecision.Outstanding(10m, 12m), Is.Zero);
    }

    [Test]
    public void A_units_volume_is_its_dimensions_in_cubic_feet()
    {
        Assert.That(Math.Round(UnitVolume.CubicFeetOf(new Dimensions(20, 15, 10, 1)), 10), Is.EqualTo(0.1059440002m));
    }
}
