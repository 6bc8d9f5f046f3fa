namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// When a failed delivery is tried again: exponential backoff with "equal jitter" (half the step fixed, half random), so
/// retries of many deliveries spread out while every delay is at least as long as the one before; after
/// <see cref="GiveUpAfter"/> from the first attempt the delivery is failed and its subscription disabled.
/// </summary>
/// <param name="FirstDelay">The step after the first failure (before jitter).</param>
/// <param name="MaxDelay">The largest step.</param>
/// <param name="GiveUpAfter">How long a delivery is retried (24 h).</param>
public sealed record RetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan GiveUpAfter)
{
    /// <summary>The step after failed attempt <paramref name="attempt"/> (1-based), before jitter.</summary>
    public TimeSpan Step(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 40));
        var ticks = Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>, given a random number in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempt, double random)
    {
        var step = Step(attempt);
        return step / 2 + step / 2 * Math.Clamp(random, 0, 1);
    }

    /// <summary>True when a delivery first tried at <paramref name="windowStart"/> has been retried long enough.</summary>
    public bool GivesUp(DateTimeOffset windowStart, DateTimeOffset now) => now - windowStart >= GiveUpAfter;
}
