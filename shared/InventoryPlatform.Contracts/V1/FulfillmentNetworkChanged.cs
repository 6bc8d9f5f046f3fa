namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The FC network's reference data as Allocation now holds it: every fulfillment center, ship-to region and marketplace.
/// A whole snapshot, not a delta; <see cref="Version"/> grows with every change, so a consumer keeps the newest and
/// ignores an older one that arrives late. Each service validates the codes its requests carry against its copy.
/// </summary>
public sealed record FulfillmentNetworkChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    long Version,
    IReadOnlyList<NetworkCenter> FulfillmentCenters,
    IReadOnlyList<NetworkRegion> Regions,
    IReadOnlyList<string> Marketplaces
) : IIntegrationEvent;
