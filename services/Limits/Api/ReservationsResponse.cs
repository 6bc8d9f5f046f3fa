using InventoryPlatform.Limits.Data;

namespace InventoryPlatform.Limits.Api;

public sealed record ReservationsResponse(string SellerId, IReadOnlyList<ReservationView> Items);
