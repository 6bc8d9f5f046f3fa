namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// Returned units arrived at an FC's returns dock, each unit counted once: <see cref="Units"/> new units of the return (a unit
/// scanned again is not counted or announced again); <see cref="Unexpected"/> when no authorization covered them,
/// <see cref="BeyondAuthorization"/> units beyond what the authorization allowed. Grading follows.
/// </summary>
public sealed record ReturnReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    Guid? OrderId,
    string Fnsku,
    string FulfillmentCenter,
    int Units,
    bool Unexpected,
    int BeyondAuthorization
) : IIntegrationEvent;
