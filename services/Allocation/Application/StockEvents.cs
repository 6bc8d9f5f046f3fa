using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Application;

public static class StockEvents
{
    public static StockChanged Changed(StockKey key, StockBalance balance, string reason, Guid correlationId, DateTimeOffset now) =>
        new(
            Guid.CreateVersion7(),
            now,
            key.SellerId,
            correlationId,
            key.Fnsku,
            key.FulfillmentCenter,
            balance.OnHand,
            balance.Reserved,
            balance.Inbound,
            balance.InTransit,
            balance.Unfulfillable,
            balance.Version,
            reason,
            balance.PendingRemoval
        );
}
