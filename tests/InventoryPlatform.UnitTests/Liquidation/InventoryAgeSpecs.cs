using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.UnitTests.LiquidationDomain;

public sealed class InventoryAgeSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Stock_leaving_is_taken_from_the_oldest_lots_first()
    {
        var january = new InventoryLot(Guid.NewGuid(), Now.AddDays(-59), 5);
        var february = new InventoryLot(Guid.NewGuid(), Now.AddDays(-28), 5);
        var march = new InventoryLot(Guid.NewGuid(), Now, 5);

        var outcome = Fifo.Consume([march, january, february], 7);

        Assert.That(outcome.Draws, Is.EqualTo(new[] { new LotDraw(january.Id, 5, 0), new LotDraw(february.Id, 2, 3) }));
        Assert.That(outcome.Remaining, Is.EqualTo(new[] { february with { Quantity = 3 }, march }));
        Assert.That(outcome.Shortfall, Is.Zero);
    }

    [Test]
    public void Taking_more_than_the_lots_hold_empties_them_and_reports_the_shortfall()
    {
        var outcome = Fifo.Consume([new InventoryLot(Guid.NewGuid(), Now, 4), new InventoryLot(Guid.NewGuid(), Now.AddDays(-1), 3)], 10);

        Assert.That(outcome.Remaining, Is.Empty);
        Assert.That(outcome.Draws.Sum(d => d.Quantity), Is.EqualTo(7));
        Assert.That(outcome.Shortfall, Is.EqualTo(3));
    }

    [TestCase(0, AgeBracket.Days0To90)]
    [TestCase(90, AgeBracket.Days0To90)]
    [TestCase(91, AgeBracket.Days91To180)]
    [TestCase(180, AgeBracket.Days91To180)]
    [TestCase(181, AgeBracket.Days181To270)]
    [TestCase(271, AgeBracket.Days271To365)]
    [TestCase(365, AgeBracket.Days271To365)]
    [TestCase(366, AgeBracket.Over365)]
    public void Ages_fall_into_the_fee_brackets(int ageDays, AgeBracket expected) =>
        Assert.That(AgeBrackets.Of(ageDays), Is.EqualTo(expected));

    [Test]
    public void An_age_profile_counts_units_per_bracket_and_names_the_oldest()
    {
        var lots = new[] { 10, 100, 200, 300, 400 }.Select(
            (age, i) => new InventoryLot(Guid.NewGuid(), Now.AddDays(-age).AddHours(-1), i + 3)
        );

        var profile = AgeProfile.Of(lots, Now);

        Assert.That(profile, Is.EqualTo(new AgeProfile(3, 4, 5, 6, 7, 400)));
        Assert.That(profile.Total, Is.EqualTo(25));
    }

    [Test]
    public void Units_age_with_the_clock_until_they_leave()
    {
        var received = Now;
        var lots = new[] { new InventoryLot(Guid.NewGuid(), received, 10) };

        Assert.That(AgeProfile.Of(lots, received.AddDays(30)).Days0To90, Is.EqualTo(10));
        Assert.That(AgeProfile.Of(lots, received.AddDays(200)).Days181To270, Is.EqualTo(10));
        var afterSale = Fifo.Consume(lots, 4).Remaining;
        Assert.That(AgeProfile.Of(afterSale, received.AddDays(400)), Is.EqualTo(new AgeProfile(0, 0, 0, 0, 6, 400)));
    }
}

public sealed class ExcessSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Demand_comes_from_the_forecast_spread_over_its_horizon()
    {
        var demand = DemandEstimate.From(new ForecastInput(910, 91), unitsSoldInLookback: 90, lookbackDays: 90);

        Assert.That((demand.DailyUnits, demand.Source, demand.RecentDailySales), Is.EqualTo((10m, DemandSource.Forecast, 1m)));
        Assert.That(demand.IsRising, Is.True, "10 a day forecast against 1 a day sold");
    }

    [Test]
    public void Without_a_forecast_demand_is_recent_sales_per_day()
    {
        Assert.That(DemandEstimate.From(null, 180, 90), Is.EqualTo(new DemandEstimate(2m, DemandSource.RecentSales, 2m)));
        Assert.That(DemandEstimate.From(null, 0, 90), Is.EqualTo(new DemandEstimate(0m, DemandSource.None, 0m)));
    }

    [Test]
    public void Excess_is_what_lies_beyond_the_cover_horizon()
    {
        var forecast = DemandEstimate.From(new ForecastInput(910, 91), 0, 90);

        Assert.That(
            ExcessAnalysis.Of(500, forecast, ExcessRules.Default, Now, Now.AddDays(-30), Now).ExcessUnits,
            Is.Zero,
            "900 units of cover"
        );
        Assert.That(ExcessAnalysis.Of(1500, forecast, ExcessRules.Default, Now, Now.AddDays(-30), Now).ExcessUnits, Is.EqualTo(600));
        var sales = DemandEstimate.From(null, 180, 90);
        var analysis = ExcessAnalysis.Of(500, sales, ExcessRules.Default, Now.AddDays(-3), Now.AddDays(-30), Now);
        Assert.That((analysis.CoveredUnits, analysis.ExcessUnits, analysis.DaysSinceLastSale), Is.EqualTo((180, 320, 3)));
    }

    [Test]
    public void Dead_stock_has_not_sold_in_the_configured_days()
    {
        var none = DemandEstimate.From(null, 0, 90);

        Assert.That(ExcessAnalysis.Of(50, none, ExcessRules.Default, Now.AddDays(-200), Now.AddDays(-300), Now).IsDeadStock, Is.True);
        Assert.That(ExcessAnalysis.Of(50, none, ExcessRules.Default, Now.AddDays(-20), Now.AddDays(-300), Now).IsDeadStock, Is.False);
        Assert.That(
            ExcessAnalysis.Of(50, none, ExcessRules.Default, null, Now.AddDays(-100), Now).IsDeadStock,
            Is.False,
            "never sold, but only 100 days here"
        );
        Assert.That(
            ExcessAnalysis.Of(50, none, ExcessRules.Default, null, Now.AddDays(-180), Now).IsDeadStock,
            Is.True,
            "never sold in 180 days"
        );
        Assert.That(
            ExcessAnalysis.Of(50, none, new ExcessRules(90, 365), null, Now.AddDays(-200), Now).IsDeadStock,
            Is.False,
            "N is configurable"
        );
        Assert.That(
            ExcessAnalysis.Of(50, none, ExcessRules.Default, null, Now.AddDays(-200), Now).ExcessUnits,
            Is.EqualTo(50),
            "no demand: all of it is excess"
        );
    }
}

public sealed class HoldingCostSpecs
{
    private static readonly ItemProfile OneCubicFoot = new(StorageType.Standard, 1m, 1m, 20m, 20m, "USD");

    [Test]
    public void Storage_is_charged_per_cubic_foot_and_month_pro_rata_per_day()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var lots = new[] { new InventoryLot(Guid.NewGuid(), start, 10) };

        var kept = HoldingCostModel.Simulate(lots, OneCubicFoot, new HoldingCostSchedule(), start, 30, _ => (0m, 0m));

        // 10 units × 1 ft³ × $0.87 a month × 12/365 × 30 days
        Assert.That(kept.HoldingCost, Is.EqualTo(8.58m));
        Assert.That(kept.UnitsLeft, Is.EqualTo(10m));
    }

    [Test]
    public void The_peak_season_and_the_aged_surcharge_raise_the_fee()
    {
        var schedule = new HoldingCostSchedule();
        var october = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var march = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.That(
            HoldingCostModel
                .Simulate([new InventoryLot(Guid.NewGuid(), october, 1)], OneCubicFoot, schedule, october, 10, _ => (0m, 0m))
                .HoldingCost,
            Is.EqualTo(0.79m),
            "$2.40 peak × 12/365 × 10"
        );
        Assert.That(
            HoldingCostModel
                .Simulate([new InventoryLot(Guid.NewGuid(), march.AddDays(-400), 1)], OneCubicFoot, schedule, march, 10, _ => (0m, 0m))
                .HoldingCost,
            Is.EqualTo(2.55m),
            "($0.87 + $6.90 surcharge after 365 days) × 12/365 × 10"
        );
        Assert.That(
            HoldingCostModel.MonthlyCost([new InventoryLot(Guid.NewGuid(), march.AddDays(-200), 4)], OneCubicFoot, schedule, march),
            Is.EqualTo(5.48m),
            "4 × ($0.87 + $0.50 at 181-270 days)"
        );
    }

    [Test]
    public void Units_sold_stop_paying_storage()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var lots = new[] { new InventoryLot(Guid.NewGuid(), start, 10) };

        var sold = HoldingCostModel.Simulate(lots, OneCubicFoot, new HoldingCostSchedule(), start, 30, _ => (5m, 2m));

        // Day 0 pays for 10 units, day 1 for 5, then nothing is left.
        Assert.That(sold, Is.EqualTo(new SellDown(10m, 20m, 0.43m, 0m)), "15 unit-days × $0.87 × 12/365");
    }

    [Test]
    public void Removal_and_disposal_fees_follow_the_weight()
    {
        var settings = new LiquidationSettings();

        Assert.That(settings.RemovalFee.For(0.4m), Is.EqualTo(1.04m));
        Assert.That(settings.RemovalFee.For(1.5m), Is.EqualTo(2.27m));
        Assert.That(settings.RemovalFee.For(3.2m), Is.EqualTo(5.01m), "2.89 + 2 started pounds × 1.06");
        Assert.That(settings.DisposalFee.For(0.9m), Is.EqualTo(0.77m));
    }
}
