namespace InventoryPlatform.Allocation.Data;

/// <summary>One FNSKU of an inbound shipment: units the seller sent (0 until the shipped event) and units scanned so far.</summary>
public sealed record InboundLineState(int Expected, int Received);
