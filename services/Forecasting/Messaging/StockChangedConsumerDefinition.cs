using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Messaging;

public sealed class StockChangedConsumerDefinition(MessagingOptions options)
    : BatchedInboxConsumerDefinition<StockChangedConsumer>(options);
