using InventoryPlatform.Messaging;

namespace InventoryPlatform.Notifications.Messaging;

public sealed class StockChangedConsumerDefinition(MessagingOptions options)
    : BatchedInboxConsumerDefinition<StockChangedConsumer>(options);
