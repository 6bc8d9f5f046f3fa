namespace InventoryPlatform.Forecasting.Data;

/// <summary>
/// One forecast refresh as stored: who asked (a seller's request or the schedule), where it stands, what it did so far and
/// the first errors (<see cref="Errors"/> is their JSON). <see cref="ClaimedBy"/> and <see cref="HeartbeatAt"/> are the
/// running replica's lease.
/// </summary>
public sealed record RefreshOperation(
    Guid Id,
    string SellerId,
    string Status,
    string TriggerSource,
    string? Phase,
    int SeriesTotal,
    int SeriesDone,
    int Forecast,
    int Skipped,
    int Guarded,
    string Errors,
    Guid CorrelationId,
    DateTime RequestedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? ClaimedBy,
    DateTime? HeartbeatAt,
    int Attempts
)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public bool IsActive => Status is Queued or Running;
}
