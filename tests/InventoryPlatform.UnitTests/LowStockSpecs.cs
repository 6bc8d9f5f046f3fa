using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.UnitTests;

public sealed class LowStockSpecs
{
    [Test]
    public void Stock_falling_under_the_threshold_of_days_of_cover_is_detected_once()
    {
        Assert.That(LowStock.Crossed(availableBefore: 140, availableAfter: 139, dailyDemand: 10, thresholdDays: 14), Is.True);
        Assert.That(
            LowStock.Crossed(availableBefore: 139, availableAfter: 138, dailyDemand: 10, thresholdDays: 14),
            Is.False,
            "already low: no second alert"
        );
        Assert.That(
            LowStock.Crossed(availableBefore: 500, availableAfter: 141, dailyDemand: 10, thresholdDays: 14),
            Is.False,
            "still above"
        );
    }

    [Test]
    public void Without_demand_stock_never_runs_low()
    {
        Assert.That(LowStock.Crossed(5, 0, dailyDemand: 0, thresholdDays: 14), Is.False);
        Assert.That(LowStock.DaysOfCover(5, 0), Is.Null);
        Assert.That(LowStock.DaysOfCover(25, 10), Is.EqualTo(2.5));
    }
}
