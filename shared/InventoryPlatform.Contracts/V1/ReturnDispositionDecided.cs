namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// Graded returned units that cannot be sold again were given a disposition at the FC that received them (published with
/// <see cref="UnsellableReturnReceived"/>, which puts them in unfulfillable stock). Liquidation opens a liquidation order for
/// exactly these units when the disposition is <see cref="ReturnDisposition.Liquidate"/>; removal and disposal candidates
/// are weighed by its recommendation for unfulfillable stock.
/// </summary>
public sealed record ReturnDispositionDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    Guid InspectionId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity,
    ReturnGrade Grade,
    ReturnDisposition Disposition
) : IIntegrationEvent;
