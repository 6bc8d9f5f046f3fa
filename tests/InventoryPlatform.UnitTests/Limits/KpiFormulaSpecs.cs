using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.UnitTests.LimitsSpecs;

public sealed class KpiFormulaSpecs
{
    private static readonly DateOnly Day1 = new(2026, 11, 1);

    [Test]
    public void Turnover_and_sell_through_are_units_shipped_over_average_units_on_hand()
    {
        Assert.That(Kpis.Turnover(300, 150), Is.EqualTo(2.0));
        Assert.That(Kpis.SellThrough(45, 90), Is.EqualTo(0.5));
        Assert.That(Kpis.Turnover(10, 0), Is.Zero, "nothing on hand: no turnover rather than infinity");
    }

    [Test]
    public void Storage_utilization_is_occupied_over_capacity_by_volume()
    {
        Assert.That(Kpis.Utilization(250m, 1000m), Is.EqualTo(0.25));
        Assert.That(Kpis.Utilization(5m, 0m), Is.Zero);
    }

    [Test]
    public void Order_defect_rate_counts_cancelled_late_and_defective_returned_orders()
    {
        Guid a = Guid.NewGuid(),
            b = Guid.NewGuid(),
            c = Guid.NewGuid(),
            d = Guid.NewGuid();
        var shipments = new[]
        {
            new ShipmentRecord(a, Day1, 1, 20),
            new ShipmentRecord(b, Day1, 1, 60),
            new ShipmentRecord(c, Day1, 1, 10),
        };

        var defects = Kpis.DefectRate(shipments, [new CancellationRecord(d, Day1)], defectiveReturns: 1, lateAfterHours: 48);

        // Orders A, B, C shipped and D cancelled: 4 orders. Defective: D cancelled, B late (60 h > 48 h), one defective return.
        Assert.That(defects, Is.EqualTo(new OrderDefects(Orders: 4, Cancelled: 1, Late: 1, DefectiveReturns: 1, Rate: 0.75)));
        Assert.That(Kpis.DefectRate([], [], 0, 48).Rate, Is.Zero);
        Assert.That(Kpis.DefectRate([new ShipmentRecord(a, Day1, 1, 1)], [], 5, 48).Rate, Is.EqualTo(1.0), "capped at 1");
    }

    [Test]
    public void Fulfillment_speed_is_the_nearest_rank_p50_and_p90_of_hours_from_order_to_ship()
    {
        var speed = Kpis.Speed([100, 10, 90, 20, 80, 30, 70, 40, 60, 50]);

        Assert.That((speed.P50Hours, speed.P90Hours, speed.Shipments), Is.EqualTo(((double?)50, (double?)90, 10)));
        Assert.That(Kpis.Speed([]).P50Hours, Is.Null);
    }

    [Test]
    public void Excess_is_stock_beyond_the_expected_demand_rounded_up()
    {
        Assert.That(Kpis.Excess(100, 60.2), Is.EqualTo(39));
        Assert.That(Kpis.Excess(10, 60), Is.Zero);
    }

    [Test]
    public void A_scripted_three_days_give_known_KPIs_and_series()
    {
        var day0 = Day1.AddDays(-1);
        var day2 = Day1.AddDays(1);
        var day3 = Day1.AddDays(2);
        var inputs = new KpiInputs(
            Day1,
            day3,
            [
                // B arrived the day before the window and has no listing: stranded, carried forward through the window.
                new StockReading("s|B", day0, 6, 6),
                new StockReading("s|A", Day1, 10, 10),
                new StockReading("s|A", day3, 4, 0),
            ],
            [new ShipmentRecord(Guid.NewGuid(), day2, 3, 24), new ShipmentRecord(Guid.NewGuid(), day3, 3, 72)],
            [],
            [],
            [new InboundClosedRecord(Guid.NewGuid(), Day1, 12, 10)],
            new HashSet<string> { "s|A" },
            new Dictionary<string, double> { ["s|A"] = 2 },
            LateAfterHours: 48
        );

        var report = Kpis.Report(inputs);

        // On hand: day 1 10 + 6, day 2 carried 16, day 3 4 + 6 = 10 → average 14; 6 units shipped.
        Assert.That(report.Series.Select(p => p.UnitsOnHand), Is.EqualTo(new[] { 16, 16, 10 }));
        Assert.That(report.AverageUnitsOnHand, Is.EqualTo(14));
        Assert.That(report.UnitsShipped, Is.EqualTo(6));
        Assert.That(report.InventoryTurnover, Is.EqualTo(6 / 14.0).Within(1e-12));
        // 90 days ending day 3: on hand 6 + 16 + 16 + 10 = 48 unit-days / 90 → 6 ÷ 0.5333 = 11.25.
        Assert.That(report.SellThroughRate90Days, Is.EqualTo(11.25).Within(1e-9));
        // A is replenishable from day 1 and available on days 1 and 2, not on day 3.
        Assert.That(report.InStockRate, Is.EqualTo(2 / 3.0).Within(1e-12));
        Assert.That(report.Series.Select(p => p.InStockRate), Is.EqualTo(new[] { 1.0, 1.0, 0.0 }));
        // At the end: A has 4 against 2 expected (2 excess), B 6 with no demand (6 excess) → 8 of 10; B's 6 are stranded.
        Assert.That((report.ExcessUnits, report.ExcessShare), Is.EqualTo((8, 0.8)));
        Assert.That((report.StrandedUnits, report.StrandedShare), Is.EqualTo((6, 0.6)));
        Assert.That(report.OrderDefects.Rate, Is.EqualTo(0.5), "one of two orders shipped after 48 h");
        Assert.That((report.FulfillmentSpeed.P50Hours, report.FulfillmentSpeed.P90Hours), Is.EqualTo(((double?)24, (double?)72)));
        Assert.That((report.InboundShipmentsClosed, report.InboundUnitsExpected, report.InboundUnitsReceived), Is.EqualTo((1, 12, 10)));
        Assert.That(report.Series.Select(p => p.UnitsShipped), Is.EqualTo(new[] { 0, 3, 3 }));
    }

    [Test]
    public void Without_any_replenishable_item_the_in_stock_rate_is_full()
    {
        var report = Kpis.Report(
            new KpiInputs(Day1, Day1, [], [], [], [], [], new HashSet<string>(), new Dictionary<string, double>(), 48)
        );

        Assert.That(report.InStockRate, Is.EqualTo(1.0));
        Assert.That((report.UnitsOnHand, report.InventoryTurnover, report.ExcessShare), Is.EqualTo((0, 0.0, 0.0)));
    }
}
