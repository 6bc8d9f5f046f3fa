namespace InventoryPlatform.Contracts.V1;

/// <summary>One FNSKU on an inbound shipment and the units the seller sent of it.</summary>
public sealed record InboundLine(string Fnsku, int ExpectedUnits);
