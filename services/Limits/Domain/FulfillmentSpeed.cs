namespace InventoryPlatform.Limits.Domain;

public sealed record FulfillmentSpeed(double? P50Hours, double? P90Hours, int Shipments);
