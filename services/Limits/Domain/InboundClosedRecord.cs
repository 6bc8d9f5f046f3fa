namespace InventoryPlatform.Limits.Domain;

public sealed record InboundClosedRecord(Guid ShipmentId, DateOnly Day, int ExpectedUnits, int ReceivedUnits);
