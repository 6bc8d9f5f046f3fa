using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.UnitTests;

/// <summary>Return-rate arithmetic and the high-return-rate alarm, announced once per crossing.</summary>
public sealed class ReturnRateSpecs
{
    private static readonly HighReturnRatePolicy Policy = new(Threshold: 0.15, MinimumShippedUnits: 20, WindowDays: 30);

    [Test]
    public void The_return_rate_is_returned_over_shipped_units()
    {
        Assert.That(ReturnRates.Of(3, 40), Is.EqualTo(0.075));
        Assert.That(ReturnRates.Of(1, 3), Is.EqualTo(0.333333), "kept to six decimals");
        Assert.That(ReturnRates.Of(0, 12), Is.EqualTo(0));
        Assert.That(ReturnRates.Of(2, 0), Is.Null, "nothing shipped: no rate, rather than infinity");
    }

    [Test]
    public void Crossing_above_the_threshold_is_announced_once_and_re_armed_when_the_rate_falls_back()
    {
        var steps = new (int Returned, int Shipped)[] { (3, 20), (4, 20), (5, 20), (4, 30), (5, 30) };
        var above = false;
        var announced = new List<bool>();
        foreach (var (returned, shipped) in steps)
        {
            var reading = HighReturnRateAlarm.Evaluate(above, returned, shipped, Policy);
            announced.Add(reading.Crossed);
            above = reading.Above;
        }

        // 0.15 is not above 0.15; 0.20 crosses; 0.25 stays above; 0.133 falls back; 0.167 crosses again.
        Assert.That(announced, Is.EqualTo(new[] { false, true, false, false, true }));
    }

    [Test]
    public void Too_few_sales_never_count_as_a_high_return_rate()
    {
        var reading = HighReturnRateAlarm.Evaluate(false, returnedUnits: 5, shippedUnits: 10, Policy);

        Assert.That(reading.Rate, Is.EqualTo(0.5));
        Assert.That((reading.Above, reading.Crossed), Is.EqualTo((false, false)));
    }
}
