using InventoryPlatform.Messaging;

namespace InventoryPlatform.Limits.Messaging;

public sealed class StockChangedConsumerDefinition(MessagingOptions options)
    : BatchedInboxConsumerDefinition<StockChangedConsumer>(options);
