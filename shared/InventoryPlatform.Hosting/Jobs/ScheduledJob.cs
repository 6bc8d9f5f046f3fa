namespace InventoryPlatform.Hosting.Jobs;

/// <summary>A job's registration: its name in <c>scheduled_jobs</c> and its schedule, read from the service's options.</summary>
public sealed record ScheduledJob<TJob>(string Name, Func<IServiceProvider, JobSchedule> Schedule)
    where TJob : class, IScheduledJob;
