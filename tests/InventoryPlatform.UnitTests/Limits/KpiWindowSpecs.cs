using InventoryPlatform.Hosting;
using InventoryPlatform.Limits.Application;

namespace InventoryPlatform.UnitTests.LimitsSpecs;

public sealed class KpiWindowSpecs
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Test]
    public void Without_a_window_the_last_30_days_up_to_today_are_read()
    {
        var validation = new Validation();

        Assert.That(KpiWindow.Read(null, null, null, Today, validation), Is.EqualTo((new DateOnly(2026, 10, 29), Today)));
        Assert.That(validation.IsValid, Is.True);
    }

    [Test]
    public void Days_count_back_from_today_and_from_to_are_inclusive_dates()
    {
        Assert.That(KpiWindow.Read(null, null, 7, Today, new Validation()), Is.EqualTo((new DateOnly(2026, 11, 21), Today)));
        Assert.That(
            KpiWindow.Read("2026-10-01", "2026-10-31", null, Today, new Validation()),
            Is.EqualTo((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)))
        );
        Assert.That(KpiWindow.Read(null, "2026-10-31", null, Today, new Validation()).From, Is.EqualTo(new DateOnly(2026, 10, 2)));
    }

    [TestCase(null, null, 0)]
    [TestCase(null, null, 1000)]
    [TestCase("2026-11-01", null, 5)]
    [TestCase("2026-11-31", null, null)]
    [TestCase("2026-11-20", "2026-11-01", null)]
    [TestCase("2020-01-01", "2026-11-01", null)]
    public void A_window_that_makes_no_sense_is_a_validation_error(string? from, string? to, int? days)
    {
        var validation = new Validation();

        KpiWindow.Read(from, to, days, Today, validation);

        Assert.That(validation.IsValid, Is.False);
    }
}
