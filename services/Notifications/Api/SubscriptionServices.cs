using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Notifications.Application;

namespace InventoryPlatform.Notifications.Api;

/// <summary>What creating a subscription needs, bundled for <c>[AsParameters]</c>.</summary>
public sealed record class SubscriptionServices(
    CreateSubscriptionHandler Create,
    ReceiverAddressGuard Guard,
    NetworkDirectory Network,
    IdempotentRequests Idempotency
);
