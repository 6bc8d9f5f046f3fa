namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// Units of an FNSKU that arrived (a receipt, a restocked return, a transfer, a released hold) filled backordered lines of an
/// order: <see cref="Filled"/> were reserved now, <see cref="StillBackordered"/> units of the FNSKU are still owed. Published
/// once per fill, beside the <see cref="OrderAllocated"/> of the same fill.
/// </summary>
public sealed record BackorderFilled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid OrderId,
    string Fnsku,
    IReadOnlyList<AllocatedLine> Filled,
    int StillBackordered
) : IIntegrationEvent;
