using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.UnitTests.NotificationsSpecs;

public sealed class RetryPolicySpecs
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    [TestCase(1, 5)]
    [TestCase(2, 10)]
    [TestCase(3, 20)]
    [TestCase(4, 40)]
    [TestCase(10, 2560)]
    [TestCase(11, 3600)]
    [TestCase(60, 3600)]
    public void The_step_doubles_per_attempt_up_to_the_largest(int attempt, int seconds) =>
        Assert.That(Policy.Step(attempt), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void Jitter_keeps_each_wait_between_half_the_step_and_the_step()
    {
        Assert.That(Policy.DelayAfter(3, 0), Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(Policy.DelayAfter(3, 0.5), Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(Policy.DelayAfter(3, 0.999999), Is.LessThan(TimeSpan.FromSeconds(20)).And.GreaterThan(TimeSpan.FromSeconds(19.99)));
    }

    [Test]
    public void Whatever_the_jitter_a_wait_is_never_shorter_than_the_one_before_while_the_step_doubles()
    {
        for (var attempt = 1; Policy.Step(attempt + 1) == Policy.Step(attempt) * 2; attempt++)
        {
            Assert.That(
                Policy.DelayAfter(attempt + 1, 0),
                Is.GreaterThanOrEqualTo(Policy.DelayAfter(attempt, 0.999999)),
                $"attempt {attempt}"
            );
        }
    }

    [Test]
    public void At_the_largest_step_waits_stay_between_half_an_hour_and_an_hour()
    {
        Assert.That(Policy.DelayAfter(30, 0), Is.EqualTo(TimeSpan.FromMinutes(30)));
        Assert.That(Policy.DelayAfter(30, 0.999999), Is.LessThan(TimeSpan.FromHours(1)).And.GreaterThan(TimeSpan.FromMinutes(59)));
    }

    [Test]
    public void A_delivery_is_given_up_24_hours_after_its_first_attempt()
    {
        var start = new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero);

        Assert.That(Policy.GivesUp(start, start.AddHours(23).AddMinutes(59)), Is.False);
        Assert.That(Policy.GivesUp(start, start.AddHours(24)), Is.True);
    }
}
