namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The ledger balance of one (seller, FNSKU, FC) changed; the figures are the balance after the change.
/// <see cref="Version"/> grows with every change of that balance, so a consumer that receives events out of
/// order keeps the newest. <see cref="Available"/> = on hand − reserved − pending removal: what can still be promised.
/// </summary>
public sealed record StockChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    string FulfillmentCenter,
    int OnHand,
    int Reserved,
    int Inbound,
    int InTransit,
    int Unfulfillable,
    long Version,
    string Reason,
    int PendingRemoval = 0
) : IIntegrationEvent
{
    public int Available => OnHand - Reserved - PendingRemoval;
}
