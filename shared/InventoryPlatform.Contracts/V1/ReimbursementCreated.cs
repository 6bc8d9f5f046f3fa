namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The network owes the seller for units: a return a carrier or an FC damaged (<see cref="ReturnId"/> set), or units an FC's
/// count found lost or damaged (<see cref="AdjustmentId"/> set). <see cref="Reason"/> is CarrierDamaged, WarehouseDamaged,
/// Lost or DamagedInWarehouse.
/// </summary>
public sealed record ReimbursementCreated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReimbursementId,
    string Reason,
    Guid? ReturnId,
    Guid? AdjustmentId,
    string Fnsku,
    string? FulfillmentCenter,
    int Units,
    Money UnitPrice,
    Money Amount
) : IIntegrationEvent;
