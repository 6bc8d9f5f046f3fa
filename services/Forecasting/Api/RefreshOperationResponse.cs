using InventoryPlatform.Forecasting.Application;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// A forecast refresh: status (queued, running, succeeded, failed), what started it (request or schedule), its phase while
/// running (loading, forecasting, saving), series done of the total, the counts, the first errors, and its times.
/// </summary>
public sealed record RefreshOperationResponse(
    Guid Id,
    string SellerId,
    string Status,
    string Trigger,
    string? Phase,
    RefreshProgress Progress,
    RefreshCounts Counts,
    IReadOnlyList<RefreshError> Errors,
    DateTime RequestedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt
);
