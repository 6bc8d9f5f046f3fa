using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InventoryPlatform.Hosting.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> to run on <paramref name="schedule"/> under <paramref name="name"/>, on the one
    /// scheduling mechanism of the platform (<see cref="JobScheduler{TJob}"/>), which tests can also resolve to run a round.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, JobSchedule> schedule
    )
        where TJob : class, IScheduledJob
    {
        services.TryAddSingleton<JobClaims>();
        services.TryAddSingleton<TJob>();
        services.AddSingleton(new ScheduledJob<TJob>(name, schedule));
        services.AddSingleton<JobScheduler<TJob>>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler<TJob>>());
        return services;
    }
}
