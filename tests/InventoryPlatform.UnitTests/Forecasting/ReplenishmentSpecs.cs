using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class ReplenishmentSpecs
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static double[] Daily(double value, int days = 91) => Enumerable.Repeat(value, days).ToArray();

    [Test]
    public void Service_level_gives_the_standard_normal_z()
    {
        Assert.That(StandardNormal.Quantile(0.5), Is.EqualTo(0).Within(1e-9));
        Assert.That(StandardNormal.Quantile(0.95), Is.EqualTo(1.6448536).Within(1e-6));
        Assert.That(StandardNormal.Quantile(0.99), Is.EqualTo(2.3263479).Within(1e-6));
        Assert.That(StandardNormal.Quantile(0.01), Is.EqualTo(-2.3263479).Within(1e-6));
    }

    [Test]
    public void Reorder_point_is_lead_time_demand_plus_safety_stock()
    {
        // 10 a day; the P10–P90 band of ±2.5631 is σ = 2 a day. Lead time 9, review 7: cover 16 days, √16 = 4.
        // Safety stock = ⌈1.6449 × 2 × 4⌉ = ⌈13.16⌉ = 14; reorder point = 90 + 14 = 104; order-up-to = 160 + 14 = 174.
        var band = 2 * 1.2815515655446004;
        var settings = new ReplenishmentSettings(
            LeadTimeDays: 9,
            ReviewPeriodDays: 7,
            MinimumOrderQuantity: 0,
            CasePack: 1,
            ServiceLevel: 0.95
        );
        var plan = ReplenishmentPolicy.Plan(Daily(10 - band), Daily(10), Daily(10 + band), available: 80, inbound: 20, settings, Today);

        Assert.That(plan.LeadTimeDemand, Is.EqualTo(90).Within(1e-9));
        Assert.That(plan.SafetyStock, Is.EqualTo(14));
        Assert.That(plan.ReorderPoint, Is.EqualTo(104));
        Assert.That(plan.OrderUpToLevel, Is.EqualTo(174));
        Assert.That(plan.InventoryPosition, Is.EqualTo(100));
        Assert.That(plan.RecommendedUnits, Is.EqualTo(74));
        Assert.That(plan.DaysOfSupply, Is.EqualTo(8.0));
        Assert.That(plan.Urgency, Is.EqualTo(Urgency.Critical), "80 units last 8 days, an order takes 9");
        Assert.That(plan.ShipBy, Is.EqualTo(Today));
    }

    [Test]
    public void Order_quantity_rounds_up_to_case_packs_and_the_minimum_order()
    {
        Assert.That(ReplenishmentPolicy.OrderQuantity(shortfall: 74, casePack: 12, minimumOrderQuantity: 0), Is.EqualTo(84));
        Assert.That(ReplenishmentPolicy.OrderQuantity(shortfall: 74, casePack: 12, minimumOrderQuantity: 100), Is.EqualTo(108));
        Assert.That(ReplenishmentPolicy.OrderQuantity(shortfall: 72, casePack: 12, minimumOrderQuantity: 0), Is.EqualTo(72));
        Assert.That(
            ReplenishmentPolicy.OrderQuantity(shortfall: 0, casePack: 12, minimumOrderQuantity: 100),
            Is.EqualTo(0),
            "nothing short, nothing ordered"
        );
        Assert.That(ReplenishmentPolicy.OrderQuantity(shortfall: -5, casePack: 1, minimumOrderQuantity: 0), Is.EqualTo(0));
    }

    [Test]
    public void Plenty_of_stock_needs_no_order_and_ships_by_when_it_runs_low()
    {
        var settings = new ReplenishmentSettings(10, 7, 0, 1, 0.9);
        var plan = ReplenishmentPolicy.Plan(Daily(5), Daily(5), Daily(5), available: 500, inbound: 0, settings, Today);
        Assert.That(plan.SafetyStock, Is.EqualTo(0), "no uncertainty, no safety stock");
        Assert.That(plan.ReorderPoint, Is.EqualTo(50));
        Assert.That(plan.RecommendedUnits, Is.EqualTo(0));
        Assert.That(plan.Urgency, Is.EqualTo(Urgency.None));
        Assert.That(plan.DaysOfSupply, Is.EqualTo(100.0), "beyond the 91-day horizon at the same rate");
        Assert.That(plan.ShipBy, Is.EqualTo(Today.AddDays(90)));
    }

    [Test]
    public void Days_of_supply_follow_the_daily_forecast_and_are_unknown_without_demand()
    {
        Assert.That(ReplenishmentPolicy.DaysOfSupply(25, [10, 10, 10]), Is.EqualTo(2.5));
        Assert.That(ReplenishmentPolicy.DaysOfSupply(0, [10, 10]), Is.EqualTo(0));
        Assert.That(ReplenishmentPolicy.DaysOfSupply(5, [0, 0, 0]), Is.Null);
    }

    [Test]
    public void The_restock_alert_fires_once_per_crossing_and_rearms_when_stock_recovers()
    {
        var settings = new ReplenishmentSettings(10, 7, 0, 1, 0.9);
        ReplenishmentPlan At(int available) => ReplenishmentPolicy.Plan(Daily(5), Daily(5), Daily(5), available, 0, settings, Today);

        var armed = true;
        var raised = new List<int>();
        foreach (var available in new[] { 80, 60, 50, 40, 30, 45, 200, 49 })
        {
            (var raise, armed) = ReorderAlarm.Evaluate(armed, At(available));
            if (raise)
            {
                raised.Add(available);
            }
        }

        Assert.That(raised, Is.EqualTo(new[] { 50, 49 }), "first at the reorder point of 50, again only after recovering to 200");
    }

    [Test]
    public void The_restock_alert_clears_once_per_raise_and_never_before_it_was_raised()
    {
        var settings = new ReplenishmentSettings(10, 7, 0, 1, 0.9);
        ReplenishmentPlan At(int available) => ReplenishmentPolicy.Plan(Daily(5), Daily(5), Daily(5), available, 0, settings, Today);

        var armed = true;
        var events = new List<string>();
        foreach (var available in new[] { 80, 60, 50, 40, 45, 200, 210, 49, 30, 51, 52 })
        {
            var plan = At(available);
            if (ReorderAlarm.Clears(armed, plan))
            {
                events.Add($"cleared at {available}");
            }

            (var raise, armed) = ReorderAlarm.Evaluate(armed, plan);
            if (raise)
            {
                events.Add($"raised at {available}");
            }
        }

        Assert.That(
            events,
            Is.EqualTo(new[] { "raised at 50", "cleared at 200", "raised at 49", "cleared at 51" }),
            "80 and 60 clear nothing (never raised); 210 and 52 nothing again (already cleared)"
        );
    }

    [Test]
    public void Settings_out_of_range_name_their_fields()
    {
        var problems = new ReplenishmentSettings(-1, 0, -3, 0, 1.2).Problems().Select(p => p.Field).ToList();
        Assert.That(
            problems,
            Is.EquivalentTo(new[] { "leadTimeDays", "reviewPeriodDays", "minimumOrderQuantity", "casePack", "serviceLevel" })
        );
        Assert.That(ReplenishmentSettings.Default.Problems(), Is.Empty);
    }
}
