using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>
/// Queues stock.changed (opt-in; a newer change of the same FNSKU and FC replaces an unsent one) for the seller's matching
/// subscriptions. Every order and scan causes one, so they are consumed in batches, one transaction each.
/// </summary>
public sealed class StockChangedConsumer(InboxBatcher<StockChangedBatch, StockChanged> batcher)
    : BatchedInboxConsumer<StockChangedBatch, StockChanged>(batcher);
