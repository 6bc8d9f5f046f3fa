namespace InventoryPlatform.Contracts.V1;

public enum ReturnGrade
{
    Sellable,
    CustomerDamaged,
    CarrierDamaged,
    Defective,
    WarehouseDamaged,
}

/// <summary>Returned units graded sellable went back on the shelf of an FC.</summary>
public sealed record ReturnRestocked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity
) : IIntegrationEvent;

/// <summary>Returned units that cannot be sold again; they become unfulfillable stock and a liquidation candidate.</summary>
public sealed record UnsellableReturnReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity,
    ReturnGrade Grade
) : IIntegrationEvent;

public sealed record HighReturnRateDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    double ReturnRate,
    double Threshold
) : IIntegrationEvent;
