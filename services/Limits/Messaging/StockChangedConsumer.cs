using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Usage follows stock: keeps the newest balance per FC and the day's snapshot of each FNSKU for the KPI series.</summary>
public sealed class StockChangedConsumer(InboxBatcher<StockChangedBatch, StockChanged> batcher)
    : BatchedInboxConsumer<StockChangedBatch, StockChanged>(batcher);
