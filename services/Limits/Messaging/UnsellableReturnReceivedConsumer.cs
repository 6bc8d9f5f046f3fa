using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>A return graded defective counts against the order defect rate; other unsellable grades are not the seller's product
/// fault.</summary>
public sealed class UnsellableReturnReceivedConsumer(Database database, Inbox inbox, ActivityRepository activity)
    : InboxConsumer<UnsellableReturnReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnsellableReturnReceived> context, UnitOfWork unit) =>
        context.Message.Grade == ReturnGrade.Defective ? activity.RecordDefectiveReturnAsync(unit, context.Message) : Task.CompletedTask;
}
