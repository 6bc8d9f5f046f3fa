using Dapper;
using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

public sealed record TransferRecord(
    Guid Id,
    string SellerId,
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity,
    TransferStatus Status,
    TransferOrigin Origin,
    Guid CorrelationId,
    DateTime RequestedAt,
    DateTime? ReceivedAt
);
