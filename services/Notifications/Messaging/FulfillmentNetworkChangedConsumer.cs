using InventoryPlatform.Data;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Keeps this service's copy of the FC network's codes (what requests are checked against) from Allocation's snapshots.</summary>
public sealed class FulfillmentNetworkChangedConsumer(Database database, Inbox inbox, NetworkDirectory directory)
    : NetworkDirectoryConsumer(database, inbox, directory);
