namespace InventoryPlatform.Hosting.Jobs;

/// <summary>
/// Work a service does on a schedule rather than on a request or an event (score recomputes, ageing, forecast refreshes).
/// The <see cref="JobScheduler"/> runs it when it is due, on one replica at a time; a run that fails is logged and the
/// job is due again at its next time.
/// </summary>
public interface IScheduledJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
