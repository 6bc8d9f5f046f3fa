namespace InventoryPlatform.Allocation.Domain;

/// <summary>One change to a bucket, as the journal records it.</summary>
public sealed record StockMovement(StockBucket Bucket, int Quantity, string Reason, string SourceId);
