using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Learns each FNSKU's storage type and unit volume (usage is measured with them); a seller's first item gives it its starter
/// limits.</summary>
public sealed class ItemRegisteredConsumer(Database database, Inbox inbox, UsageRepository usage, SellerAccounts accounts)
    : InboxConsumer<ItemRegistered>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<ItemRegistered> context, UnitOfWork unit)
    {
        var item = context.Message;
        await usage.SaveItemAsync(
            unit,
            item.SellerId,
            item.Fnsku,
            item.StorageType,
            UnitVolume.CubicFeetOf(item.Dimensions),
            item.OccurredAt.UtcDateTime
        );
        await accounts.EnsureAsync(unit, item.SellerId, item.CorrelationId);
    }
}
