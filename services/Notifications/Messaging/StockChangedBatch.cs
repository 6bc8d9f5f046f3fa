using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>
/// The stock changes consumed together, in one transaction, in the order they happened (time, then version), so that the newest
/// change of an FNSKU and FC is the one left pending when several arrive before a delivery goes out.
/// </summary>
public sealed class StockChangedBatch(PartnerEventRecorder recorder) : IInboxBatchHandler<StockChanged>
{
    public Task HandleAsync(IReadOnlyList<StockChanged> messages, UnitOfWork unit) =>
        recorder.RecordAsync(unit, [.. messages.OrderBy(m => m.OccurredAt).ThenBy(m => m.Version).SelectMany(PartnerEvents.From)]);
}
