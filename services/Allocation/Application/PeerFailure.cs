namespace InventoryPlatform.Allocation.Application;

/// <summary>A service whose counts could not be read, and why: its projection was not compared this time.</summary>
public sealed record PeerFailure(string Service, string Reason);
