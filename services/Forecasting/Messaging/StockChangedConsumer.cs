using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>
/// Keeps available (on hand − reserved − pending removal), inbound and in transit per FC, and re-evaluates the FNSKU's restock
/// decision at once, so the alert is raised when stock crosses the reorder point rather than at the next refresh.
/// </summary>
public sealed class StockChangedConsumer(InboxBatcher<StockChangedBatch, StockChanged> batcher)
    : BatchedInboxConsumer<StockChangedBatch, StockChanged>(batcher);
