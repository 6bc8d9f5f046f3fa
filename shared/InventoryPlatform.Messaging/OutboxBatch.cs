namespace InventoryPlatform.Messaging;

/// <summary>What one dispatch round did with the rows it claimed.</summary>
/// <param name="Claimed">Unsent, unparked rows claimed.</param>
/// <param name="Published">Rows the broker took, now marked sent.</param>
/// <param name="Failed">Rows that failed by their own fault; each counted an attempt.</param>
/// <param name="Parked">Of the failed rows, those that reached the last attempt and are now parked.</param>
/// <param name="Deferred">Rows the broker did not take while it took none of the batch (away or slow); nothing counted.</param>
public sealed record OutboxBatch(int Claimed, int Published, int Failed, int Parked, int Deferred);
