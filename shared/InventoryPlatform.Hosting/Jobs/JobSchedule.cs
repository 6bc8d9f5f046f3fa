namespace InventoryPlatform.Hosting.Jobs;

/// <summary>When a job runs.</summary>
/// <param name="Interval">Time from one run's start to the next.</param>
/// <param name="PollInterval">How often each replica asks whether the job is due.</param>
/// <param name="FirstRunAfter">How long after the job is first known to the database its first run is due.</param>
/// <param name="Enabled">False: this replica never runs the job.</param>
public sealed record JobSchedule(TimeSpan Interval, TimeSpan PollInterval, TimeSpan FirstRunAfter = default, bool Enabled = true)
{
    /// <summary>Polls as often as the job runs, at least every minute.</summary>
    public static JobSchedule Every(TimeSpan interval, TimeSpan firstRunAfter = default, bool enabled = true) =>
        new(interval, interval < TimeSpan.FromMinutes(1) ? interval : TimeSpan.FromMinutes(1), firstRunAfter, enabled);
}
