using Dapper;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

public sealed record OrderAllocationRecord(int LineNumber, string FulfillmentCenter, int Quantity, DateTime? ShippedAt);
